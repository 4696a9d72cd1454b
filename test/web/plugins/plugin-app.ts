/** Small Fastify instances with Masthead's global plugins, for plugin tests through inject(). */

import Fastify, { type FastifyInstance } from 'fastify'
import type { CacheStore } from '../../../src/infra/cache-store/cache-store.js'
import { createInProcessBus } from '../../../src/infra/bus/in-process.js'
import type { Bus } from '../../../src/infra/bus/bus.js'
import { errorHandlerPlugin } from '../../../src/web/plugins/error-handler.js'
import { formBodyPlugin } from '../../../src/web/plugins/form-body.js'
import { pageCachePlugin } from '../../../src/web/plugins/page-cache.js'
import { requestIdGenerator, requestIdPlugin } from '../../../src/web/plugins/request-id.js'
import { securityHeadersPlugin } from '../../../src/web/plugins/security-headers.js'

export interface PluginAppOptions {
  siteUrl?: string
  store?: CacheStore
  bus?: Bus
  bodyLimit?: number
  /** Whether a proxy's X-Forwarded-* and X-Request-Id are believed (one hop). */
  trustProxy?: boolean
  /** The page cache's wait for a page another request renders (its default unless given). */
  coalesceWaitMs?: number
}

/** A bare app with the global plugins registered as server.ts does; add routes, then `ready()`. */
export async function pluginApp(options: PluginAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    genReqId: requestIdGenerator(options.trustProxy ?? false),
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  })
  await app.register(requestIdPlugin)
  await app.register(securityHeadersPlugin, { siteUrl: options.siteUrl ?? 'http://127.0.0.1:3000' })
  await app.register(errorHandlerPlugin, { language: 'en' })
  await app.register(formBodyPlugin, { bodyLimit: options.bodyLimit ?? 64 * 1024 })
  await app.register(pageCachePlugin, {
    store: options.store,
    bus: options.bus ?? createInProcessBus({ onHandlerError: () => {} }),
    ...(options.coalesceWaitMs === undefined ? {} : { coalesceWaitMs: options.coalesceWaitMs }),
  })
  return app
}
