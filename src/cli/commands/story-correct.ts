/** `masthead story correct SLUG --kind correction|update --text "…"`: a public note until the newsroom has a screen for it. */

import { parseArgs } from 'node:util'
import type { Actor } from '../../accounts/index.js'
import { parseConfig } from '../../config.js'
import { type Command, UsageError } from '../command.js'
import { withServices } from '../with-services.js'

const help = `Usage: masthead story correct SLUG --kind correction|update --text TEXT

Adds a dated, public note above a published story ("Correction, 3 March 2026: …") and marks the
story updated now. Corrections are also listed on /corrections. Notes cannot be edited or removed:
a mistaken note is put right by another one.

Options:
  --kind K     correction (an error put right) or update (new facts); default correction
  --text TEXT  the note, one paragraph of plain text (at most 2,000 characters)
  -h, --help   show this help`

/** Whoever can run the command holds the server's keys; the note records "Editor (CLI)". */
const CLI_ACTOR: Actor = { userId: 0, role: 'editor', name: 'Editor (CLI)' }

export const storyCorrectCommand: Command = {
  name: 'story correct',
  summary: 'Add a correction or update note to a story',
  help,
  run: async (args, output) => {
    let values: { kind?: string | boolean; text?: string | boolean; help?: string | boolean }
    let positionals: string[]
    try {
      const parsed = parseArgs({
        args,
        options: {
          kind: { type: 'string' },
          text: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: true,
      })
      values = parsed.values
      positionals = parsed.positionals
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error), help)
    }
    if (values.help === true) {
      output.out(help)
      return 0
    }
    const [slug, extra] = positionals
    if (slug === undefined) throw new UsageError('give the slug of the story', help)
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`, help)
    if (typeof values.text !== 'string') throw new UsageError('--text is required', help)
    const kind = typeof values.kind === 'string' ? values.kind : 'correction'
    const text = values.text
    return withServices(parseConfig(output.env), async ({ newsroom }) => {
      const found = await newsroom.findPublishedArticle(slug)
      const story =
        found?.kind === 'moved' ? await newsroom.findPublishedArticle(found.slug) : found
      if (story?.kind !== 'found') {
        output.err(`There is no published story "${slug}".`)
        return 1
      }
      const note = await newsroom.addArticleNote(CLI_ACTOR, story.article.id, { kind, text })
      output.out(
        `Added ${note.kind} #${note.id} to /${story.article.section.slug}/${story.article.slug} (${note.createdAt.toISOString()}).`,
      )
      return 0
    })
  },
}
