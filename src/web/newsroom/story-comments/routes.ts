/**
 * /newsroom/stories/:id/comments: a published story's comments, and the newsroom's own comments
 * and replies on it, published with the writer's name and an "Author" or "Staff" badge. The
 * name and badge come from the session (the newsroom plugin signs every route in and checks
 * CSRF), never from the form, which is why readers cannot fake them.
 */

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../../../accounts/index.js'
import { commentArticleNotFound } from '../../../comments/index.js'
import { isMastheadError } from '../../../lib/errors.js'
import { articlePath } from '../../site/site-urls.js'
import { CsrfField } from '../components/csrf-field.js'
import type { NewsroomScreenOptions } from '../screens.js'
import { StoryCommentsPage } from './story-comments-page.js'
import {
  StaffCommentForm,
  StoryCommentsParams,
  StoryCommentsQuery,
} from './story-comments-schemas.js'

/** Top-level comments per page on this screen. */
const PER_PAGE = 30

/** Registers the screen (inside the newsroom plugin). */
export const storyCommentScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (
  app,
  options,
) => {
  const { comments, newsroom } = options.services
  const config = { newsroom: { permission: 'comments.reply' as const } }

  const actorOf = (request: FastifyRequest): Actor => {
    // The newsroom plugin signs every non-public route in; a missing actor is a wiring bug.
    if (request.actor === null || request.actor === undefined) throw new Error('no actor')
    return request.actor
  }

  /** The published story (readers' view of it) or COMMENT_ARTICLE_NOT_FOUND, a 404. */
  const storyOf = async (id: number) => {
    const [story] = await newsroom.summariesByIds([id])
    if (story === undefined) throw commentArticleNotFound({ articleId: id })
    return story
  }

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: {
      page?: number
      posted?: number
      problem?: { message: string; parent: number | null; body: string }
      status?: number
    },
  ) => {
    const actor = actorOf(request)
    const story = await storyOf(id)
    const [threads, mode, bylines] = await Promise.all([
      comments.listThreads(id, { order: 'newest', page: extra.page ?? 1, perPage: PER_PAGE }),
      comments.modeFor(id),
      newsroom.bylineUserIds(id),
    ])
    return reply.newsroomPage({
      title: `Comments: ${story.headline}`,
      current: 'stories',
      status: extra.status ?? 200,
      main: StoryCommentsPage({
        story: { id, headline: story.headline, publicPath: articlePath(story) },
        threads,
        badge: bylines.includes(actor.userId) ? 'author' : 'staff',
        posted: extra.posted,
        problem: extra.problem,
        open: mode !== undefined && mode !== 'closed',
        csrfField: CsrfField({ token: request.newsroomSession?.csrfToken ?? '' }),
      }),
    })
  }

  app.get<{ Params: StoryCommentsParams; Querystring: StoryCommentsQuery }>(
    '/stories/:id/comments',
    { schema: { params: StoryCommentsParams, querystring: StoryCommentsQuery }, config },
    async (request, reply) =>
      render(request, reply, request.params.id, {
        ...(request.query.page === undefined ? {} : { page: request.query.page }),
        ...(request.query.posted === undefined ? {} : { posted: request.query.posted }),
      }),
  )

  app.post<{ Params: StoryCommentsParams; Body: StaffCommentForm }>(
    '/stories/:id/comments',
    { schema: { params: StoryCommentsParams, body: StaffCommentForm }, config },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id } = request.params
      const parent =
        request.body.parent === undefined || request.body.parent === ''
          ? null
          : Number(request.body.parent)
      try {
        const comment = await comments.postAsStaff(
          { userId: actor.userId, name: actor.name },
          { articleId: id, parentId: parent, body: request.body.body },
        )
        return reply.redirect(`/newsroom/stories/${id}/comments?posted=${comment.id}`, 303)
      } catch (error) {
        // Refusals the writer can fix (text too long, a reply to a removed comment, comments
        // closed meanwhile) are shown on the form with the text kept; no such story is a 404.
        if (!isMastheadError(error) || (error.kind !== 'invalid' && error.kind !== 'forbidden'))
          throw error
        return render(request, reply, id, {
          problem: { message: error.message, parent, body: request.body.body },
          status: 400,
        })
      }
    },
  )
}
