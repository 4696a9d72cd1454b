/** `masthead export FILE`: the whole site as one versioned JSON file, photos in a folder beside it. */

import { parseArgs } from 'node:util'
import { parseConfig, type Config } from '../../config.js'
import { mediaFolderOf } from '../../imports/index.js'
import { type Command, UsageError } from '../command.js'
import { createProgress } from '../progress.js'
import { withServices } from '../with-services.js'

const help = `Usage: masthead export FILE

Writes the whole site to FILE as one JSON file (format "masthead-export", version 1, described
in docs/export-format.md): users (without their passwords), sections, authors, tags, photos,
stories with their byline, tags, revisions, corrections and updates, workflow events and old
addresses, editors' picks, comments and moderation, and the site's settings for information.
Each photo's files are copied into the folder FILE.media beside it. View counts are not
exported. Neither FILE nor FILE.media may exist yet (an export never overwrites).

Restore it into an empty database with \`masthead import masthead FILE\`.

Options:
  -h, --help   show this help`

/** The effective settings, written for information: they live in the configuration, not the file. */
export function settingsOf(config: Config): Record<string, unknown> {
  return {
    comments: {
      mode: config.comments.mode,
      holdFirst: config.comments.holdFirst,
      reportsToHide: config.comments.reportsToHide,
    },
    newsroom: { authorsMayPublish: config.newsroom.authorsMayPublish },
    distribution: config.distribution,
    rankings: config.rankings,
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the whole site as one JSON file (and its photos)',
  help,
  run: async (args, context) => {
    const file = fileArgument(args, help, 'give the file to write')
    if (file === undefined) {
      context.out(help)
      return 0
    }
    const config = parseConfig(context.env)
    return withServices(config, async ({ imports, clock, settings }) => {
      const started = performance.now()
      const progress = createProgress(context.progress, { unit: 'rows', lineEvery: 5_000 })
      // Rows of the tables already written, plus the current table's so far.
      const finished = new Map<string, number>()
      let earlier = 0
      const summary = await imports.exportSite(file, {
        now: clock.now(),
        // The name and language in force (the admin's, else the configuration's); the rows of
        // site_settings, the logo's included, travel in the file itself.
        site: {
          url: config.site.url,
          name: settings.current().siteName,
          language: settings.current().language,
        },
        settings: settingsOf(config),
        onProgress: ({ table, rows, files }) => {
          if (!finished.has(table)) earlier = [...finished.values()].reduce((a, b) => a + b, 0)
          finished.set(table, rows)
          progress.update({ done: earlier + rows, counters: { [table]: rows, files } })
        },
      })
      progress.finish()
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const counts = Object.entries(summary.counts)
        .map(([key, n]) => `${n.toLocaleString('en')} ${key}`)
        .join(', ')
      context.out(
        `Exported to ${file} in ${seconds} s: ${counts}; ${summary.files.toLocaleString('en')} photo files (${mib(summary.fileBytes)}) in ${mediaFolderOf(file)}; the file is ${mib(summary.bytes)}.`,
      )
      return 0
    })
  },
}

/** The one FILE argument of `args`; undefined when --help was asked for. */
export function fileArgument(args: string[], help: string, missing: string): string | undefined {
  let parsed
  try {
    parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), help)
  }
  if (parsed.values.help === true) return undefined
  const [file, extra] = parsed.positionals
  if (file === undefined) throw new UsageError(missing, help)
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`, help)
  return file
}
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
