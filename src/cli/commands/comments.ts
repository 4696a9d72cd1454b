/** `masthead comments queue|approve|reject|spam|ban|mode`: moderation from the shell until the newsroom has a screen for it. */

import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { QueuedComment, QueueFilter } from '../../comments/index.js'
import { parseConfig } from '../../config.js'
import { type Command, UsageError } from '../command.js'
import { wholeNumberOption } from '../parse-options.js'
import { withServices } from '../with-services.js'

/** Every CLI action is logged with this actor. */
const ACTOR = 'cli'
const FILTERS: readonly QueueFilter[] = ['held', 'reported', 'spam']

type Options = NonNullable<ParseArgsConfig['options']>

/** Parses options and positionals; undefined when --help was asked for. */
function parse(
  args: string[],
  options: Options,
  help: string,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } | undefined {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    })
    const values = parsed.values as Record<string, string | boolean | undefined>
    return values.help === true ? undefined : { values, positionals: parsed.positionals }
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), help)
  }
}

/** Comment ids from positionals, each a whole number. */
function commentIds(positionals: string[], help: string): number[] {
  if (positionals.length === 0) throw new UsageError('give at least one comment id', help)
  return positionals.map((raw) => wholeNumberOption('id', raw, 1, 2_147_483_647, help))
}

/** One comment as a few lines for a terminal; the body on its own indented line. */
function describe(comment: QueuedComment): string {
  const flags = [
    comment.status,
    comment.holdReason ?? '',
    comment.reportCount > 0 ? `${comment.reportCount} reports` : '',
    comment.readerBanned ? 'banned reader' : '',
    comment.parentId === null ? '' : `reply to #${comment.parentId}`,
  ].filter((f) => f !== '')
  return [
    `#${comment.id}  story ${comment.articleId}  ${comment.createdAt.toISOString()}  ${comment.authorName}  [${flags.join(', ')}]`,
    `    ${comment.body.replace(/\s+/g, ' ')}`,
  ].join('\n')
}

const queueHelp = `Usage: masthead comments queue [--filter held|reported|spam] [--page N]

Lists comments waiting for a moderator, oldest first, 50 a page.

Options:
  --filter F   held (default): waiting for review; reported: reported by readers; spam
  --page N     the page to show (default 1)
  -h, --help   show this help`

export const commentsQueueCommand: Command = {
  name: 'comments queue',
  summary: 'List comments waiting for review',
  help: queueHelp,
  run: async (args, output) => {
    const parsed = parse(args, { filter: { type: 'string' }, page: { type: 'string' } }, queueHelp)
    if (parsed === undefined) {
      output.out(queueHelp)
      return 0
    }
    if (parsed.positionals.length > 0)
      throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, queueHelp)
    const filter = (parsed.values.filter ?? 'held') as QueueFilter
    if (!FILTERS.includes(filter))
      throw new UsageError(`--filter must be one of ${FILTERS.join(', ')}`, queueHelp)
    const raw = parsed.values.page
    const page =
      raw === undefined ? 1 : wholeNumberOption('page', String(raw), 1, 100_000, queueHelp)
    return withServices(parseConfig(output.env), async (services) => {
      const result = await services.comments.moderation.queue({ filter, page })
      if (result.total === 0) {
        output.out(`No ${filter} comments.`)
        return 0
      }
      for (const comment of result.items) output.out(describe(comment))
      output.out(
        `${result.total} ${filter} comment${result.total === 1 ? '' : 's'}; page ${result.page} of ${result.totalPages}.`,
      )
      return 0
    })
  },
}

/** approve / reject / spam: the same shape, a different action. */
function decisionCommand(
  verb: 'approve' | 'reject' | 'spam',
  summary: string,
  done: string,
): Command {
  const help = `Usage: masthead comments ${verb} ID [ID…] [--note TEXT]

${summary}; written to the moderation log with actor "cli".

Options:
  --note TEXT  why (kept in the moderation log)
  -h, --help   show this help`
  return {
    name: `comments ${verb}`,
    summary,
    help,
    run: async (args, output) => {
      const parsed = parse(args, { note: { type: 'string' } }, help)
      if (parsed === undefined) {
        output.out(help)
        return 0
      }
      const ids = commentIds(parsed.positionals, help)
      const note = String(parsed.values.note ?? '')
      return withServices(parseConfig(output.env), async (services) => {
        const { moderation } = services.comments
        const act =
          verb === 'approve'
            ? moderation.approve
            : verb === 'reject'
              ? moderation.reject
              : moderation.markSpam
        for (const id of ids) {
          await act(id, ACTOR, note)
          output.out(`Comment #${id} ${done}.`)
        }
        return 0
      })
    },
  }
}

export const commentsApproveCommand = decisionCommand(
  'approve',
  'Publish held or reported comments',
  'approved',
)
export const commentsRejectCommand = decisionCommand('reject', 'Hide comments for good', 'rejected')
export const commentsSpamCommand = decisionCommand(
  'spam',
  'Hide comments as spam',
  'marked as spam',
)

const banHelp = `Usage: masthead comments ban COMMENT-ID [--reason TEXT]

Bans the reader who wrote the comment, by the salted hash of their address and browser (no
address is stored). Their later comments go to spam silently; they are told "waiting for review".

Options:
  --reason TEXT  kept in the ban list and the moderation log
  -h, --help     show this help`

export const commentsBanCommand: Command = {
  name: 'comments ban',
  summary: 'Ban the reader who wrote a comment',
  help: banHelp,
  run: async (args, output) => {
    const parsed = parse(args, { reason: { type: 'string' } }, banHelp)
    if (parsed === undefined) {
      output.out(banHelp)
      return 0
    }
    const ids = commentIds(parsed.positionals, banHelp)
    const reason = String(parsed.values.reason ?? '')
    return withServices(parseConfig(output.env), async (services) => {
      for (const commentId of ids) {
        await services.comments.moderation.banReader({ commentId }, ACTOR, reason)
        output.out(`The author of comment #${commentId} is banned.`)
      }
      return 0
    })
  },
}
