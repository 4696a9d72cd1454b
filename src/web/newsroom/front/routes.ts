/**
 * The front page screen under /newsroom/front: every change is a plain POST form answered with a
 * redirect (post/redirect/get), so it works from the keyboard and without JavaScript; the drag
 * script posts the same order form.
 */

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../../../accounts/index.js'
import { isMastheadError } from '../../../lib/errors.js'
import { STATUS_BY_KIND } from '../../plugins/error-handler.js'
import { CsrfField } from '../components/csrf-field.js'
import type { NewsroomScreenOptions } from '../screens.js'
import { type BannerValues, FrontDeskPage, frontHref } from './front-desk-page.js'
import {
  AddTopForm,
  BannerForm,
  FRONT_NOTICES,
  FrontQuery,
  MoveForm,
  MustReadForm,
  OrderForm,
  SlotParams,
  StoryIdParams,
  utcMinute,
} from './front-schemas.js'

/** How many recent stories the pickers offer. */
const CANDIDATES = 40
/** Refusals shown on the screen (with a 4xx) instead of the error page. */
const SHOWN_KINDS = new Set(['invalid', 'conflict'])
const EMPTY_BANNER: BannerValues = { text: '', link: '', expiresAt: '' }

/** Registers the front page screen (inside the newsroom plugin: sign-in, CSRF and 403 are its hooks). */
export const frontScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (app, options) => {
  const { newsroom } = options.services
  const config = { newsroom: { permission: 'front.curate' as const } }

  const actorOf = (request: FastifyRequest): Actor => {
    // The newsroom plugin signs every non-public route in; a missing actor is a wiring bug.
    if (request.actor === null || request.actor === undefined) throw new Error('no actor')
    return request.actor
  }

  /** Renders the screen, with a notice, or a refusal and what was typed. */
  const screen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; problem?: string; status?: number; banner?: BannerValues } = {},
  ) => {
    const [board, candidates] = await Promise.all([
      newsroom.front.board(actorOf(request)),
      newsroom.latestArticles({ limit: CANDIDATES }),
    ])
    return reply.newsroomPage({
      title: 'Front page',
      current: 'front',
      status: extra.status ?? 200,
      scripts: [options.assets.scripts.frontOrder],
      main: FrontDeskPage({
        board,
        candidates,
        notice: extra.notice,
        problem: extra.problem,
        banner: extra.banner ?? EMPTY_BANNER,
        csrfField: CsrfField({ token: request.newsroomSession?.csrfToken ?? '' }),
      }),
    })
  }

  /**
   * Runs a change, then sends the browser back to the screen (303) at `anchor`; a refusal the
   * editor can fix is shown on the screen with its 4xx, anything else goes to the error page.
   */
  const change = async (
    request: FastifyRequest,
    reply: FastifyReply,
    run: (actor: Actor) => Promise<unknown>,
    done: keyof typeof FRONT_NOTICES,
    anchor: string,
    banner?: BannerValues,
  ) => {
    try {
      await run(actorOf(request))
    } catch (error) {
      if (!isMastheadError(error) || !SHOWN_KINDS.has(error.kind)) throw error
      request.log.info({ code: error.code }, 'front change refused')
      return screen(request, reply, {
        problem: error.message,
        status: STATUS_BY_KIND[error.kind],
        ...(banner === undefined ? {} : { banner }),
      })
    }
    return reply.redirect(frontHref(done, anchor), 303)
  }

  app.get<{ Querystring: FrontQuery }>(
    '/front',
    { schema: { querystring: FrontQuery }, config },
    async (request, reply) => {
      const { done } = request.query
      return screen(request, reply, done === undefined ? {} : { notice: FRONT_NOTICES[done] })
    },
  )

  app.post<{ Body: AddTopForm }>(
    '/front/top',
    { schema: { body: AddTopForm }, config },
    async (request, reply) => {
      const id = Number(request.body.articleId)
      return change(
        request,
        reply,
        (actor) => newsroom.front.addTopStory(actor, id),
        'added',
        `top-${id}`,
      )
    },
  )

  app.post<{ Body: OrderForm }>(
    '/front/top/order',
    { schema: { body: OrderForm }, config },
    async (request, reply) => {
      const order = request.body.order.split(',').map(Number)
      return change(
        request,
        reply,
        (actor) => newsroom.front.reorderTopStories(actor, order),
        'moved',
        'top-stories',
      )
    },
  )

  app.post<{ Params: StoryIdParams; Body: MoveForm }>(
    '/front/top/:id/move',
    { schema: { params: StoryIdParams, body: MoveForm }, config },
    async (request, reply) => {
      const { id } = request.params
      return change(
        request,
        reply,
        (actor) => newsroom.front.moveTopStory(actor, id, request.body.direction),
        'moved',
        // Back at the story that moved, so a keyboard user carries on from where they were.
        `top-${id}`,
      )
    },
  )

  app.post<{ Params: StoryIdParams }>(
    '/front/top/:id/remove',
    { schema: { params: StoryIdParams }, config },
    async (request, reply) =>
      change(
        request,
        reply,
        (actor) => newsroom.front.removeTopStory(actor, request.params.id),
        'removed',
        'top-stories',
      ),
  )

  app.post<{ Params: SlotParams; Body: MustReadForm }>(
    '/front/must-reads/:slot',
    { schema: { params: SlotParams, body: MustReadForm }, config },
    async (request, reply) => {
      const { slot } = request.params
      const id = Number(request.body.articleId)
      const expiresAt = utcMinute(request.body.expiresAt)
      return change(
        request,
        reply,
        (actor) => newsroom.front.setMustRead(actor, slot, id, expiresAt),
        'slot',
        `slot-${slot}`,
      )
    },
  )

  app.post<{ Params: SlotParams }>(
    '/front/must-reads/:slot/clear',
    { schema: { params: SlotParams }, config },
    async (request, reply) =>
      change(
        request,
        reply,
        (actor) => newsroom.front.clearMustRead(actor, request.params.slot),
        'cleared',
        `slot-${request.params.slot}`,
      ),
  )

  app.post<{ Body: BannerForm }>(
    '/front/banner',
    { schema: { body: BannerForm }, config },
    async (request, reply) => {
      const typed = {
        text: request.body.text,
        link: request.body.link ?? '',
        expiresAt: request.body.expiresAt,
      }
      return change(
        request,
        reply,
        (actor) =>
          newsroom.front.setBanner(actor, {
            text: typed.text,
            link: typed.link,
            expiresAt: utcMinute(typed.expiresAt) ?? new Date(Number.NaN),
          }),
        'banner',
        'banner',
        typed,
      )
    },
  )

  app.post('/front/banner/take-down', { config }, async (request, reply) =>
    change(request, reply, (actor) => newsroom.front.takeDownBanner(actor), 'taken-down', 'banner'),
  )
}
