/** `masthead import wire FILE`: plain-text wire stories, one or several per file. */

import fs from 'node:fs'
import { openWireFile } from '../../../imports/index.js'
import { UsageError } from '../../command.js'
import { type ImportFormat, importCommand } from './import-command.js'

const about = `Imports plain-text wire stories: an optional "Slug: name" line, the headline on the first
line, an optional "By …" line, then paragraphs separated by blank lines, the first opening with
a dateline such as "LISBON, March 3 (Agency Name) —" or "BERLIN (AP) —". Several stories in
one file are separated by a line of four or more dashes (----) or a form feed. The agency is
kept as a credit line and, without a By line, as the byline; the dateline's day (noon UTC, the
latest such day not in the future when no year is given) is the publication date. A story's id
is its slug line or else a hash of its headline and dateline.`

const wireFormat: ImportFormat = {
  name: 'wire',
  summary: 'Import plain-text wire stories',
  input: 'FILE',
  about,
  open: async (path) => {
    if (!fs.statSync(path).isFile()) throw new UsageError(`${path} is not a file`, about)
    return openWireFile(path, new Date())
  },
}

export const importWireCommand = importCommand(wireFormat)
