/** `masthead import markdown DIR`: a folder of Markdown files with YAML front matter. */

import fs from 'node:fs'
import { openMarkdownFolder } from '../../../imports/index.js'
import { UsageError } from '../../command.js'
import { type ImportFormat, importCommand } from './import-command.js'

const about = `Imports every .md (or .markdown) file under DIR, subfolders included, as a story. The
front matter gives title (required), slug, dek/description/excerpt/summary, section/category/
categories, tags, author/authors, date, updated/lastmod, draft or status, and aliases/url as
old addresses to redirect. A file's id is its path inside DIR, so running again updates it.
Other files are skipped and listed; hidden files and folders (.git) are passed over.`

const markdownFormat: ImportFormat = {
  name: 'markdown',
  summary: 'Import a folder of Markdown files with front matter',
  input: 'DIR',
  about,
  open: async (path) => {
    if (!fs.statSync(path).isDirectory()) throw new UsageError(`${path} is not a folder`, about)
    return openMarkdownFolder(path)
  },
}

export const importMarkdownCommand = importCommand(markdownFormat)
