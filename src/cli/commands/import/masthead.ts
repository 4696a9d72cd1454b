/** `masthead import masthead FILE`: restores a `masthead export` into an empty database. */

import fs from 'node:fs'
import { parseConfig } from '../../../config.js'
import { mediaFolderOf } from '../../../imports/index.js'
import { type Command, UsageError } from '../../command.js'
import { createProgress } from '../../progress.js'
import { withServices } from '../../with-services.js'
import { fileArgument } from '../export.js'

const help = `Usage: masthead import masthead FILE

Restores a file written by \`masthead export\` (format "masthead-export", version 1) into an
EMPTY database, with its photos' files from the folder FILE.media beside it: the same ids, the
same addresses, the same site. The whole file is checked first (nothing is written when any of
it is wrong), then written in one transaction: if the database refuses anything, every change
is undone. The search index is rebuilt afterwards. Users come without passwords: give each a
new one with \`masthead user reset-password EMAIL\`. Exit status 1 when nothing was imported.

Options:
  -h, --help   show this help`

export const importMastheadCommand: Command = {
  name: 'import masthead',
  summary: 'Restore a masthead export into an empty database',
  help,
  run: async (args, context) => {
    const file = fileArgument(args, help, 'give the file to import')
    if (file === undefined) {
      context.out(help)
      return 0
    }
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile())
      throw new UsageError(`there is no file ${file}`, help)
    return withServices(parseConfig(context.env), async ({ imports, search }) => {
      const started = performance.now()
      const newProgress = () => createProgress(context.progress, { unit: 'rows', lineEvery: 5_000 })
      let progress = newProgress()
      let phase = ''
      const summary = await imports.restoreSite(file, {
        onProgress: (state) => {
          if (state.phase !== phase) {
            if (phase !== '') progress.finish()
            progress = newProgress()
            phase = state.phase
            context.out(state.phase === 'checking' ? `Checking ${file}…` : `Writing…`)
          }
          progress.update({
            done: state.rows,
            bytesRead: state.bytesRead,
            totalBytes: state.totalBytes,
          })
        },
      })
      progress.finish()
      context.out('Rebuilding the search index…')
      const indexed = await search.rebuild()
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const counts = Object.entries(summary.counts)
        .map(([key, n]) => `${n.toLocaleString('en')} ${key}`)
        .join(', ')
      context.out(
        `Imported ${file} (exported ${summary.exportedAt}) in ${seconds} s: ${counts}; ` +
          `${summary.files.toLocaleString('en')} photo files from ${mediaFolderOf(file)}; ` +
          `${indexed.toLocaleString('en')} stories indexed for search.`,
      )
      context.out('Users have no password yet: masthead user reset-password EMAIL gives one.')
      return 0
    })
  },
}
