/**
 * The `masthead import <format>` commands. A new format is an ImportFormat (see
 * import-command.ts) turned into a command here; main.ts registers this whole list.
 */

import type { Command } from '../../command.js'
import { importGhostCommand } from './ghost.js'
import { importMarkdownCommand } from './markdown.js'
import { importMastheadCommand } from './masthead.js'
import { importWireCommand } from './wire.js'
import { importWxrCommand } from './wxr.js'

/** Every `import <format>` command, in the order `masthead --help` lists them. */
export const IMPORT_COMMANDS: readonly Command[] = [
  importWxrCommand,
  importGhostCommand,
  importMarkdownCommand,
  importWireCommand,
  importMastheadCommand,
]
