/** `masthead import ghost FILE`: a Ghost JSON export (Ghost 3 to 6, Settings → Labs → Export). */

import fs from 'node:fs'
import { openGhostExport } from '../../../imports/index.js'
import { UsageError } from '../../command.js'
import { type ImportFormat, importCommand } from './import-command.js'

const about = `Imports a Ghost JSON export (Ghost 3 to 6, from Settings → Labs → Export your content),
read as a stream in two passes (files of any size). Posts become stories (drafts stay drafts,
scheduled posts become drafts) with their body from html, lexical or mobiledoc; the primary tag
(the first, when public) becomes the section unless --sections maps it (by the tag's slug);
public tags become tags, internal #tags are dropped; posts_authors give the byline in order.
Pages and email-only posts are skipped and listed. The post's old address /<slug>/ becomes a
redirect to the story.`

const ghostFormat: ImportFormat = {
  name: 'ghost',
  summary: 'Import a Ghost JSON export',
  input: 'FILE',
  about,
  open: async (path, options) => {
    if (!fs.statSync(path).isFile()) throw new UsageError(`${path} is not a file`, about)
    return openGhostExport(path, options)
  },
}

export const importGhostCommand = importCommand(ghostFormat)
