/**
 * What every `masthead import <format> FILE` shares: the options, the run through the imports
 * service with a progress display, the summary, and the exit status (1 when a record failed).
 */

import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { parseConfig } from '../../../config.js'
import {
  type ImportOptions,
  type ImportRecord,
  type ImportSource,
  type ImportSummary,
  parseSectionMap,
} from '../../../imports/index.js'
import { type Command, type CommandContext, UsageError } from '../../command.js'
import { createProgress } from '../../progress.js'
import { withServices } from '../../with-services.js'

/** What an importer hands the command once it has opened its input. */
export interface OpenedImport {
  source: ImportSource
  records: AsyncIterable<ImportRecord>
  /** Bytes read so far (for the bar); absent: a count only. */
  bytesRead?: () => number
  totalBytes?: number
}

/** One format of `masthead import` (wxr, ghost, markdown, wire…). */
export interface ImportFormat {
  /** As typed after `masthead import`. */
  name: string
  /** One line for the command list. */
  summary: string
  /** FILE or DIR, as the usage line shows it. */
  input: 'FILE' | 'DIR'
  /** The format's own help paragraphs (what is mapped, what is skipped). */
  about: string
  /** Opens `path` as a stream of records (never reading all of it into memory). */
  open(path: string, options: ImportOptions): Promise<OpenedImport>
}

const OPTIONS_HELP = `Options:
  --published-only  skip drafts (listed in the summary)
  --sections MAP    old section → our section, as old=new pairs: "politics=nation,misc=news"
  --media DIR       a folder holding the old site's media files (photos are read from it
                    before they are downloaded)
  --dry-run         read and check everything, write nothing
  -h, --help        show this help`

/** Builds the `import <format>` command for `format`. */
export function importCommand(format: ImportFormat): Command {
  const help = `Usage: masthead import ${format.name} ${format.input} [options]

${format.about}

Running the same import again updates the stories it made and never duplicates them. Old
addresses become 301 redirects to the stories' new addresses. Exit status 1 when any record
could not be imported (the others are imported all the same).

${OPTIONS_HELP}`
  return {
    name: `import ${format.name}`,
    summary: format.summary,
    help,
    run: async (args, context) => {
      const parsed = parse(args, help)
      if (parsed === undefined) {
        context.out(help)
        return 0
      }
      const { path, options } = parsed
      if (!fs.existsSync(path)) throw new UsageError(`there is no ${path}`, help)
      return withServices(parseConfig(context.env), async ({ imports, search }) => {
        const started = performance.now()
        const opened = await format.open(path, options)
        const progress = createProgress(context.progress, { unit: 'records' })
        // The index is brought up to date once at the end, in batches, not story by story.
        const summary = await search.deferIndexing(() =>
          imports.run(opened.source, opened.records, options, {
            onProgress: (state) =>
              progress.update({
                done: state.done,
                ...(opened.bytesRead === undefined ? {} : { bytesRead: opened.bytesRead() }),
                ...(opened.totalBytes === undefined ? {} : { totalBytes: opened.totalBytes }),
                counters: { created: state.created, updated: state.updated, skipped: state.skipped, errors: state.errors }, // prettier-ignore
              }),
          }),
        )
        progress.finish()
        printSummary(context, path, summary, (performance.now() - started) / 1000, options)
        return summary.errors.length > 0 ? 1 : 0
      })
    },
  }
}

function parse(args: string[], help: string): { path: string; options: ImportOptions } | undefined {
  let parsed
  try {
    parsed = parseArgs({
      args,
      options: {
        'published-only': { type: 'boolean' },
        sections: { type: 'string' },
        media: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), help)
  }
  const { values, positionals } = parsed
  if (values.help === true) return undefined
  const [path, extra] = positionals
  if (path === undefined) throw new UsageError('give the file to import', help)
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`, help)
  const options: ImportOptions = {
    ...(values['published-only'] === true ? { publishedOnly: true } : {}),
    ...(values['dry-run'] === true ? { dryRun: true } : {}),
    ...(values.media === undefined ? {} : { mediaDir: values.media }),
    ...(values.sections === undefined ? {} : { sectionMap: parseSectionMap(values.sections) }),
  }
  if (options.mediaDir !== undefined && !fs.existsSync(options.mediaDir))
    throw new UsageError(`there is no media folder ${options.mediaDir}`, help)
  return { path, options }
}

/** The summary: counts on stdout; skipped records and errors, each with place and reason. */
export function printSummary(
  context: Pick<CommandContext, 'out' | 'err'>,
  path: string,
  summary: ImportSummary,
  seconds: number,
  options: ImportOptions,
): void {
  const other = summary.createdOther
  const plural = (n: number, one: string, many: string) =>
    `${n.toLocaleString('en')} ${n === 1 ? one : many}`
  context.out(
    `${options.dryRun === true ? 'Checked (dry run, nothing written)' : 'Imported'} ${path} in ${seconds.toFixed(1)} s: ` +
      `${plural(summary.created, 'story', 'stories')} created, ${summary.updated.toLocaleString('en')} updated, ` +
      `${summary.skipped.length.toLocaleString('en')} skipped, ${plural(summary.errors.length, 'error', 'errors')}` +
      ` (also created: ${plural(other.sections, 'section', 'sections')}, ${plural(other.authors, 'author', 'authors')}, ${plural(other.photos, 'photo', 'photos')}).`,
  )
  if (summary.skipped.length > 0) {
    context.out('Skipped:')
    for (const note of summary.skipped) context.out(`  ${note.place}: ${note.what}: ${note.reason}`)
  }
  if (summary.errors.length > 0) {
    context.err('Not imported (errors):')
    for (const note of summary.errors) context.err(`  ${note.place}: ${note.what}: ${note.reason}`)
  }
}
