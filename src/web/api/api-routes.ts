/** The JSON API under /api/v1: each capability's routes register here, and the OpenAPI document. */

import type { FastifyPluginAsync } from 'fastify'
import type { LiveSite } from '../live-site.js'
import type { Services } from '../services.js'
import { commentRoutes } from './comments.js'
import { contentRoutes } from './content.js'
import { type DescribedRoute, describedRoutes, openApiDocument } from './openapi.js'
import { rankingRoutes } from './rankings.js'
import { viewRoutes } from './views.js'
import { searchRoutes } from './search.js'

export interface ApiOptions {
  services: Services
  /** The site: its public URL (writes from other origins are refused), and the name, language and logo in force. */
  site: LiveSite
  /** Origins whose browser scripts may call the Content API. */
  corsOrigins: readonly string[]
}

/** The API's version in the OpenAPI document (the URL's /v1 is its major part). */
const API_VERSION = '1.0.0'

/**
 * Mounted at /api by the server. Unmatched API paths fall through the site's catch-all to the
 * global not-found handler, which answers `{"error":{"code":"ROUTE_NOT_FOUND",…}}`.
 */
export const apiPlugin: FastifyPluginAsync<ApiOptions> = async (app, options) => {
  const { services, site, corsOrigins } = options
  const siteUrl = site.url
  const routes: DescribedRoute[] = []
  app.addHook('onRoute', (route) => {
    routes.push(...describedRoutes(route))
  })
  await app.register(viewRoutes, { prefix: '/v1', services })
  await app.register(rankingRoutes, { prefix: '/v1', services })
  await app.register(commentRoutes, { prefix: '/v1', services, siteUrl })
  await app.register(contentRoutes, { prefix: '/v1', services, site, corsOrigins })
  await app.register(searchRoutes, { prefix: '/v1', services })

  // Made again when the admin renames the site (its name is the document's title).
  let document: { siteName: string; text: string } | undefined
  app.get(
    '/v1/openapi.json',
    { schema: { summary: 'This API, described in OpenAPI 3.1', tags: ['meta'] } },
    async (_request, reply) => {
      const siteName = site.name
      if (document?.siteName !== siteName) {
        const described = openApiDocument(routes, { siteUrl, siteName, version: API_VERSION })
        document = { siteName, text: JSON.stringify(described) }
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .header('access-control-allow-origin', '*')
        .send(document.text)
    },
  )
}
