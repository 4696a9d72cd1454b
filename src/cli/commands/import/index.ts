/**
 * The `masthead import <format>` commands. A new format is an ImportFormat (see
 * import-command.ts) turned into a command here; main.ts registers this whole list.
 */

import type { Command } from '../../command.js'

/** Every `import <format>` command, in the order `masthead --help` lists them. */
export const IMPORT_COMMANDS: readonly Command[] = [
  // importCommand(wxrFormat),
  // import ghost, import markdown, import wire: add their importCommand(…) here.
  // import masthead (the export's own format) is added here too.
]
