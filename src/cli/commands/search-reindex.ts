/** `masthead search reindex [--changed]`: rebuilds site search's index from the stories. */

import { parseConfig } from '../../config.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withServices } from '../with-services.js'

const help = `Usage: masthead search reindex [--changed]

Rebuilds the site search index from the published stories: empties it, then indexes every
story again. Use it after writing stories straight into the database (an import, a restore) or
when search answers look wrong. Searches made while it runs find fewer stories; a running site
keeps serving meanwhile.

Options:
  --changed    keep the index; only add the stories it lacks and re-index those edited since
               (a tag or author rename reaches the index this way), and drop unpublished ones
  -h, --help   show this help`

/** A progress line every this many stories. */
const PROGRESS_EVERY = 10_000

export const searchReindexCommand: Command = {
  name: 'search reindex',
  summary: 'Rebuild the site search index from the stories',
  help,
  run: async (args, context) => {
    const values = parseOptions(args, { changed: { type: 'boolean' } }, help)
    if (values === undefined) {
      context.out(help)
      return 0
    }
    return withServices(parseConfig(context.env), async ({ search }) => {
      const started = performance.now()
      const onProgress = (done: number): void => {
        if (done % PROGRESS_EVERY === 0) context.out(`  ${done.toLocaleString('en')} stories…`)
      }
      const indexed =
        values.changed === true
          ? await search.catchUp({ outdated: true, onProgress })
          : await search.rebuild({ onProgress })
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const count = `${indexed.toLocaleString('en')} ${indexed === 1 ? 'story' : 'stories'}`
      context.out(
        values.changed === true
          ? `Brought the search index up to date: ${count} indexed in ${seconds} s.`
          : `Rebuilt the search index: ${count} indexed in ${seconds} s.`,
      )
      return 0
    })
  },
}
