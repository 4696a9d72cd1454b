/** The dashboard's screens: the overview (served at /newsroom by the newsroom plugin) and a story's figures. */

import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { Actor } from '../../../accounts/index.js'
import { articleNotFound } from '../../../newsroom/index.js'
import type { Services } from '../../services.js'
import type { NewsroomScreenOptions } from '../screens.js'
import { StoryIdParams } from '../stories/story-schemas.js'
import { DashboardPage } from './dashboard-page.js'
import { StoryFiguresPage } from './story-figures-page.js'

/**
 * Answers /newsroom with the dashboard (for roles with analytics.view).
 * @example if (can(actor, 'analytics.view')) return dashboardReply(reply, services, actor, notice)
 */
export async function dashboardReply(
  reply: FastifyReply,
  services: Pick<Services, 'dashboard'>,
  actor: Actor,
  notice: string | undefined,
): Promise<FastifyReply> {
  const overview = await services.dashboard.overview()
  return reply.newsroomPage({
    title: 'Dashboard',
    current: 'home',
    main: DashboardPage({ overview, name: actor.name, notice }),
  })
}

/** Registers /newsroom/stories/:id/figures (inside the newsroom plugin: sign-in and 403 are its hooks). */
export const dashboardScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (app, options) => {
  const { dashboard, newsroom } = options.services
  app.get<{ Params: StoryIdParams }>(
    '/stories/:id/figures',
    {
      schema: { params: StoryIdParams },
      config: { newsroom: { permission: 'analytics.view' } },
    },
    async (request, reply) => {
      const actor = request.actor
      if (actor === null || actor === undefined) throw new Error('no actor')
      // The desk decides which stories this person may see (a contributor: their own).
      await newsroom.stories.get(actor, request.params.id)
      const figures = await dashboard.storyFigures(request.params.id)
      if (figures === undefined) throw articleNotFound({ id: request.params.id })
      return reply.newsroomPage({
        title: `Figures: ${figures.story.headline}`,
        current: 'stories',
        main: StoryFiguresPage({ figures }),
      })
    },
  )
}
