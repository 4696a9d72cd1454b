/** The JSON API under /api/v1: each capability's routes register here. */

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../services.js'
import { viewRoutes } from './views.js'
import { rankingRoutes } from './rankings.js'
import { commentRoutes } from './comments.js'

export interface ApiOptions {
  services: Services
  /** The site's public URL: writes from other origins are refused. */
  siteUrl: string
}

/**
 * Mounted at /api by the server. Unmatched API paths fall through the site's catch-all to the
 * global not-found handler, which answers `{"error":{"code":"ROUTE_NOT_FOUND",…}}`.
 */
export const apiPlugin: FastifyPluginAsync<ApiOptions> = async (app, { services, siteUrl }) => {
  // Each capability registers its routes here with the /v1 prefix.
  await app.register(viewRoutes, { prefix: '/v1', services })
  await app.register(rankingRoutes, { prefix: '/v1', services })
  await app.register(commentRoutes, { prefix: '/v1', services, siteUrl })
}
