/** Builds the Fastify server: global plugins (ids, headers, errors, page cache, assets), then the site. */

import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Config, TrustProxySetting } from '../config.js'
import type { CacheStore } from '../infra/cache-store/cache-store.js'
import type { Logger, RawLogTarget } from '../infra/logger.js'
import { apiPlugin } from './api/api-routes.js'
import { distributionPlugin } from './distribution/routes.js'
import { serverAssets } from './assets/load-assets.js'
import { AccessLogController } from './plugins/access-log.js'
import { errorHandlerPlugin } from './plugins/error-handler.js'
import { formBodyPlugin } from './plugins/form-body.js'
import { healthPlugin } from './plugins/health.js'
import { createStorageAlarm, storageAlarmPlugin } from './plugins/storage-alarm.js'
import { mediaFilesPlugin } from './plugins/media-files.js'
import { pageCachePlugin } from './plugins/page-cache.js'
import { requestIdGenerator, requestIdPlugin } from './plugins/request-id.js'
import { securityHeaders, securityHeadersPlugin } from './plugins/security-headers.js'
import { createFrontDoor, frontDoorServerFactory } from './plugins/front-door.js'
import { createEdgeHeaders } from './plugins/edge-headers.js'
import { clientAddressResolver } from './http/client-address.js'
import { staticAssetsPlugin } from './plugins/static-assets.js'
import { createLazyValidators } from './lazy-validators.js'
import { pageViewCounter } from './plugins/view-counting.js'
import type { Services } from './services.js'
import { liveSite } from './live-site.js'
import { newsroomPlugin } from './newsroom/routes.js'
import { sitePlugin } from './site/routes.js'

/** Stateful plumbing the web layer uses but may not create (web/ imports infra types only). */
export interface WebInfra {
  /** Where rendered pages are kept; without it pages are still sent, only never stored. */
  pageCache?: CacheStore
  /** Where the front door writes its own access-log lines (the logger's stream and bindings). */
  accessLog?: RawLogTarget
}

export interface BuildServerOptions {
  config: Config
  logger: Logger
  services: Services
  infra?: WebInfra
}

/** Reader forms are a few hundred bytes; nothing public accepts more than this. */
const BODY_LIMIT = 64 * 1024

/**
 * Fastify's trustProxy for MASTHEAD_TRUST_PROXY. A hop count becomes a function trusting the
 * nearest `hops` addresses (Fastify 5 refuses a bare number: it cannot tell a proxy from a
 * client that connects directly, so a hop count is only safe when the proxies are the only way
 * in, as docs/operating.md says); a list goes to proxy-addr as it is.
 */
export function trustProxyOption(
  setting: TrustProxySetting,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (setting === false) return false
  if (typeof setting === 'number') return (_address, hop) => hop < setting
  return [...setting]
}

/**
 * Builds the web server, ready to `listen` or `inject`.
 * @example const web = await buildServer({ config, logger, services, infra: { pageCache } })
 */
export async function buildServer({
  config,
  logger,
  services,
  infra = {},
}: BuildServerOptions): Promise<FastifyInstance> {
  const { server } = config
  // pino's Logger is a FastifyBaseLogger; naming the wider type keeps FastifyInstance unparameterised.
  const loggerInstance: FastifyBaseLogger = logger
  const validators = createLazyValidators()
  const trustProxy = trustProxyOption(server.trustProxy)
  const genReqId = requestIdGenerator(server.trustProxy !== false)
  // Warm pages are answered before Fastify (see front-door.ts); the page cache opens it.
  const frontDoor = createFrontDoor({
    logger,
    ...(infra.accessLog === undefined ? {} : { accessLog: infra.accessLog }),
    requestId: genReqId,
    clientAddress: clientAddressResolver(trustProxy),
    securityHeaders: securityHeaders(config.site.url),
  })
  const app = Fastify({
    serverFactory: frontDoorServerFactory(frontDoor),
    schemaController: { compilersFactory: { buildValidator: validators.buildValidator } },
    loggerInstance,
    logController: new AccessLogController(),
    genReqId,
    trustProxy,
    // Slow clients must not hold sockets for ever (a body at one byte every ten seconds would).
    requestTimeout: server.requestTimeoutMs,
    connectionTimeout: server.connectionTimeoutMs,
    keepAliveTimeout: server.keepAliveTimeoutMs,
    http: {
      headersTimeout: server.headersTimeoutMs,
      // Node checks the two timeouts above on this interval (30 s by default): check often
      // enough that a timeout means roughly what it says.
      connectionsCheckingInterval: Math.max(
        250,
        Math.min(5000, Math.floor(server.headersTimeoutMs / 4)),
      ),
    },
    return503OnClosing: true,
    bodyLimit: BODY_LIMIT,
    // removeAdditional: false lets route schemas answer 400 to unknown query parameters.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  })

  app.decorate('compilePendingValidators', () => validators.compilePending())

  const assets = await serverAssets()

  // Order matters for onRequest hooks: ids and headers first, so even a cache hit carries them.
  await app.register(requestIdPlugin)
  await app.register(securityHeadersPlugin, { siteUrl: config.site.url })
  // The site's catch-all route answers unmatched pages; what it hands back (paths under /api/)
  // reaches this not-found handler, which answers JSON with a stable code.
  // The site's name, language and logo as the admin set them, read at each render.
  const site = liveSite(config.site, services.settings)
  await app.register(errorHandlerPlugin, { language: () => site.language })
  await app.register(formBodyPlugin, { bodyLimit: BODY_LIMIT })
  // MASTHEAD_PAGE_CACHE_MB=0 turns storing off, and with it the lookup on every request.
  const store = config.pageCache.maxBytes > 0 ? infra.pageCache : undefined
  // Story pages count as views on every serve, cache hits included (see engagement/view-counter).
  await app.register(pageCachePlugin, {
    store,
    bus: services.bus,
    onPageView: pageViewCounter(services.engagement),
    frontDoor,
    // s-maxage and cache tags for a CDN in front (MASTHEAD_CDN_*; off by default).
    edge: createEdgeHeaders(config.cdn),
  })
  await app.register(staticAssetsPlugin, { assets })
  await app.register(mediaFilesPlugin, { media: services.media })
  const storage = createStorageAlarm()
  await app.register(storageAlarmPlugin, { alarm: storage })
  await app.register(healthPlugin, {
    checkHealth: async () => {
      storage.check()
      await services.checkHealth()
    },
    warm: () => services.engagement.warmedUp(),
  })
  await app.register(apiPlugin, {
    prefix: '/api',
    services,
    site,
    corsOrigins: config.api.corsOrigins,
  })
  await app.register(newsroomPlugin, {
    prefix: '/newsroom',
    services,
    site,
    assets: assets.manifest,
    sessionMaxMs: config.newsroom.sessionMaxMs,
  })
  await app.register(distributionPlugin, { services })
  await app.register(sitePlugin, {
    services,
    site,
    assets: assets.manifest,
    shareUtm: config.distribution.shareUtm,
  })
  return app
}
