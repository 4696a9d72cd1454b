/**
 * The screens that live inside the newsroom plugin (and so behind its sign-in, permission and
 * CSRF hooks, inside its layout). A screen module adds its plugin here, under /newsroom/….
 */

import type { FastifyPluginAsync } from 'fastify'
import type { Config } from '../../config.js'
import type { AssetManifest } from '../assets/asset-manifest.js'
import type { Services } from '../services.js'
import { commentScreens } from './comments/routes.js'
import { frontScreens } from './front/routes.js'
import { dashboardScreens } from './dashboard/routes.js'
import { photoScreens } from './photos/routes.js'
import { storyScreens } from './stories/routes.js'
import { storyCommentScreens } from './story-comments/routes.js'
import { settingsScreens } from './settings/routes.js'
import { sectionScreens } from './settings/sections-routes.js'
import { userScreens } from './users/routes.js'

/** What each screen plugin is registered with. */
export interface NewsroomScreenOptions {
  services: Services
  site: Config['site']
  assets: AssetManifest
}

/** Screen plugins, registered in this order inside the newsroom plugin. */
export const NEWSROOM_SCREENS: readonly FastifyPluginAsync<NewsroomScreenOptions>[] = [
  storyScreens,
  photoScreens,
  storyCommentScreens,
  commentScreens,
  frontScreens,
  dashboardScreens,
  userScreens,
  settingsScreens,
  sectionScreens,
]
