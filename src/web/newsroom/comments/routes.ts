/**
 * The moderation desk under /newsroom/comments: the queue (held, reported, spam) with its
 * actions, the banned-word list, banned readers and the audit log. Every action is a POST form
 * answered with a redirect and a notice; a small script adds keyboard shortcuts.
 */

import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Actor } from '../../../accounts/index.js'
import { isMastheadError } from '../../../lib/errors.js'
import { STATUS_BY_KIND } from '../../plugins/error-handler.js'
import { CsrfField } from '../components/csrf-field.js'
import type { NewsroomScreenOptions } from '../screens.js'
import {
  BannedQuery,
  LogQuery,
  QueueActionForm,
  QueueActionParams,
  QueueQuery,
  UnbanForm,
  WordForm,
  WordsQuery,
} from './comment-schemas.js'
import { AuditLogPage, BannedReadersPage, BannedWordsPage } from './list-pages.js'
import { DONE_LABELS } from './moderation-labels.js'
import { QueuePage, type QueueStory } from './queue-page.js'

const PER_PAGE = 25
const LOG_PER_PAGE = 100

/** Registers the moderation screens (inside the newsroom plugin: sign-in, CSRF and 403 are its hooks). */
export const commentScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (app, options) => {
  const { comments, newsroom, accounts } = options.services
  const { moderation } = comments
  const config = { newsroom: { permission: 'comments.moderate' as const } }
  const scripts = [options.assets.scripts.moderationKeys]

  const actorOf = (request: FastifyRequest): Actor => {
    // The newsroom plugin signs every non-public route in; a missing actor is a wiring bug.
    if (request.actor === null || request.actor === undefined) throw new Error('no actor')
    return request.actor
  }
  /** The audit log's actor for a person: their user id (the CLI writes "cli"). */
  const auditActor = (request: FastifyRequest): string => String(actorOf(request).userId)
  const csrf = (request: FastifyRequest) =>
    CsrfField({ token: request.newsroomSession?.csrfToken ?? '' })
  /** User ids as the log and lists store them → names. */
  const userNames = async (): Promise<Map<string, string>> =>
    new Map((await accounts.listUsers()).map((user) => [String(user.id), user.name]))

  app.get<{ Querystring: QueueQuery }>(
    '/comments',
    { schema: { querystring: QueueQuery }, config },
    async (request, reply) => {
      const { filter = 'held', page = 1, done, comment } = request.query
      const queue = await moderation.queue({ filter, page, perPage: PER_PAGE })
      const ids = [...new Set(queue.items.map((c) => c.articleId))]
      const summaries = ids.length === 0 ? [] : await newsroom.summariesByIds(ids)
      const stories = new Map<number, QueueStory>(
        summaries.map((s) => [
          s.id,
          { headline: s.headline, href: `/${s.section.slug}/${s.slug}#comments` },
        ]),
      )
      const notice =
        done === undefined || comment === undefined
          ? undefined
          : `Comment ${comment} ${DONE_LABELS[done]}.`
      return reply.newsroomPage({
        title: filter === 'held' ? 'Comments' : `Comments: ${filter}`,
        current: 'comments',
        scripts,
        main: QueuePage({ filter, queue, stories, notice, csrfField: csrf(request) }),
      })
    },
  )

  app.post<{ Params: QueueActionParams; Body: QueueActionForm }>(
    '/comments/:id/:action',
    { schema: { params: QueueActionParams, body: QueueActionForm }, config },
    async (request, reply) => {
      const { id, action } = request.params
      const actor = auditActor(request)
      if (action === 'approve') await moderation.approve(id, actor)
      else if (action === 'reject') await moderation.reject(id, actor)
      else if (action === 'spam') await moderation.markSpam(id, actor)
      else {
        // Banning from the queue also takes the comment away: the author's later ones go to spam
        // anyway, and the queue moves on to the next.
        await moderation.banReader({ commentId: id }, actor, `comment ${id}`)
        await moderation.markSpam(id, actor, 'author banned')
      }
      const back = new URLSearchParams()
      const { filter, page, at } = request.body
      if (filter !== undefined && filter !== 'held') back.set('filter', filter)
      if (page !== undefined && Number(page) > 1) back.set('page', String(Number(page)))
      back.set('done', action)
      back.set('comment', String(id))
      if (at !== undefined) back.set('at', String(Math.min(Number(at), 1000)))
      return reply.redirect(`/newsroom/comments?${back.toString()}`, 303)
    },
  )

  /** The banned-word page, with what was typed and why it was refused when it was. */
  const wordsPage = async (
    request: FastifyRequest,
    extra: { typed?: string; error?: string; notice?: string; status?: number } = {},
  ) => ({
    title: 'Comments: banned words',
    current: 'comments' as const,
    status: extra.status ?? 200,
    main: BannedWordsPage({
      lists: await moderation.bannedWords(),
      names: await userNames(),
      typed: extra.typed ?? '',
      error: extra.error,
      notice: extra.notice,
      csrfField: csrf(request),
    }),
  })

  app.get<{ Querystring: WordsQuery }>(
    '/comments/words',
    { schema: { querystring: WordsQuery }, config },
    async (request, reply) => {
      const { done, word = '' } = request.query
      const notice =
        done === 'added'
          ? `“${word}” added: comments holding it now wait for review.`
          : done === 'listed'
            ? `“${word}” was listed already.`
            : done === 'removed'
              ? `“${word}” removed.`
              : undefined
      return reply.newsroomPage(await wordsPage(request, notice === undefined ? {} : { notice }))
    },
  )

  app.post<{ Body: WordForm }>(
    '/comments/words',
    { schema: { body: WordForm }, config },
    async (request, reply) => {
      try {
        const { word, added } = await moderation.addBannedWord(
          request.body.word,
          auditActor(request),
        )
        const back = new URLSearchParams({ done: added ? 'added' : 'listed', word })
        return reply.redirect(`/newsroom/comments/words?${back.toString()}`, 303)
      } catch (error) {
        if (!isMastheadError(error) || error.kind !== 'invalid') throw error
        return reply.newsroomPage(
          await wordsPage(request, {
            typed: request.body.word,
            error: error.message,
            status: STATUS_BY_KIND[error.kind],
          }),
        )
      }
    },
  )

  app.post<{ Body: WordForm }>(
    '/comments/words/remove',
    { schema: { body: WordForm }, config },
    async (request, reply) => {
      await moderation.removeBannedWord(request.body.word, auditActor(request))
      const back = new URLSearchParams({ done: 'removed', word: request.body.word.slice(0, 200) })
      return reply.redirect(`/newsroom/comments/words?${back.toString()}`, 303)
    },
  )

  app.get<{ Querystring: BannedQuery }>(
    '/comments/banned',
    { schema: { querystring: BannedQuery }, config },
    async (request, reply) => {
      const { page = 1, done } = request.query
      const [bans, names] = await Promise.all([
        moderation.bannedReaders({ page, perPage: PER_PAGE }),
        userNames(),
      ])
      return reply.newsroomPage({
        title: 'Comments: banned readers',
        current: 'comments',
        main: BannedReadersPage({
          bans,
          names,
          notice: done === 'unbanned' ? 'Reader unbanned.' : undefined,
          csrfField: csrf(request),
        }),
      })
    },
  )

  app.post<{ Body: UnbanForm }>(
    '/comments/banned/unban',
    { schema: { body: UnbanForm }, config },
    async (request, reply) => {
      await moderation.unbanReader(request.body.reader, auditActor(request))
      return reply.redirect('/newsroom/comments/banned?done=unbanned', 303)
    },
  )

  app.get<{ Querystring: LogQuery }>(
    '/comments/log',
    { schema: { querystring: LogQuery }, config },
    async (request, reply) => {
      const { before } = request.query
      // One more than shown tells whether there is an older page.
      const [found, names] = await Promise.all([
        moderation.auditLog({
          ...(before === undefined ? {} : { beforeId: before }),
          limit: LOG_PER_PAGE + 1,
        }),
        userNames(),
      ])
      const entries = found.slice(0, LOG_PER_PAGE)
      const last = entries.at(-1)
      return reply.newsroomPage({
        title: 'Comments: audit log',
        current: 'comments',
        main: AuditLogPage({
          entries,
          names,
          olderThan: found.length > LOG_PER_PAGE && last !== undefined ? last.id : undefined,
          older: before !== undefined,
        }),
      })
    },
  )
}
