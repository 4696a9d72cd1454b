/**
 * The composition root, in three parts a command takes as it needs: buildServices (database,
 * bus, domains), startJobs (every timer, through the scheduler) and buildWeb (the HTTP server).
 */

import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { createAccounts, type Accounts, type HashCost, sweepSessionsJob } from './accounts/index.js'
import { createComments, type Comments } from './comments/index.js'
import type { Config } from './config.js'
import { type DatabaseHandle, openDatabase } from './db/database.js'
import { pingDatabase } from './db/health.js'
import { createDistribution, type Distribution } from './distribution/index.js'
import { migrateToLatest } from './db/migrator.js'
import {
  createDashboard,
  createEngagement,
  type Dashboard,
  type Engagement,
  engagementJobs,
  moveStoryViews,
} from './engagement/index.js'
import type { Bus } from './infra/bus/bus.js'
import { createInProcessBus } from './infra/bus/in-process.js'
import { createCdnPurger } from './infra/cdn/cdn-purger.js'
import { createPostgresBus } from './infra/bus/postgres.js'
import { createImports, type Imports } from './imports/index.js'
import { createMemoryCacheStore } from './infra/cache-store/memory.js'
import type { JobLease } from './infra/locks/lease.js'
import { createPostgresLease } from './infra/locks/postgres.js'
import { createSingleProcessLease } from './infra/locks/single-process.js'
import { createLogger, type Logger, rawLogTarget } from './infra/logger.js'
import { createMailer } from './infra/mail/create-mailer.js'
import { createScheduler, type Scheduler } from './infra/scheduler.js'
import { type Clock, systemClock } from './lib/clock.js'
import {
  createApiKeys,
  createWebhooks,
  deliverWebhooksJob,
  type ApiKeys,
  type Webhooks,
} from './integrations/index.js'
import { createDiskStorage, createMedia, type Media } from './media/index.js'
import { createNewsroom, expireFrontJob, type Newsroom, publishDueJob } from './newsroom/index.js'
import { distributionLinks } from './web/distribution/distribution-links.js'
import { createSearch, type Search } from './search/index.js'
import { liveSite } from './web/live-site.js'
import { buildServer } from './web/server.js'
import { SITE_TAG } from './web/plugins/edge-headers.js'
import { subscribeEdgePurges } from './web/plugins/page-cache-invalidation.js'
import { createSettings, type Settings } from './settings/index.js'

/** The configured domains over one open, migrated database; nothing runs until called. */
export interface AppServices {
  readonly config: Config
  readonly logger: Logger
  readonly clock: Clock
  readonly database: DatabaseHandle
  readonly accounts: Accounts
  readonly media: Media
  readonly newsroom: Newsroom
  readonly engagement: Engagement
  /** The newsroom dashboard's figures. */
  readonly dashboard: Dashboard
  readonly comments: Comments
  readonly apiKeys: ApiKeys
  readonly webhooks: Webhooks
  readonly distribution: Distribution
  readonly search: Search
  /** Imports from other platforms (the CLI) and the old addresses they redirect (the site). */
  readonly imports: Imports
  readonly bus: Bus
  /** Admin-set site settings over the configuration defaults (read from memory). */
  readonly settings: Settings
  /** Refreshes the database planner's statistics; call after a bulk load such as the demo seed. */
  optimizeDatabase(): Promise<void>
  /** Flushes engagement's pending views, closes the bus, then the database; safe to call twice. */
  close(): Promise<void>
}

export interface BuildServicesOptions {
  clock?: Clock
  logger?: Logger
  /** argon2id cost of new password hashes; only tests lower it (default: argon2's own). */
  hashCost?: HashCost
}

/**
 * Opens and migrates the database and builds the bus and every domain service. No timer starts,
 * no web server is built: a one-off command (`masthead user add`) needs only this.
 * @example const services = await buildServices(parseConfig(env)); try { … } finally { await services.close() }
 */
export async function buildServices(
  config: Config,
  options: BuildServicesOptions = {},
): Promise<AppServices> {
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? createLogger(config.log)
  const database = openDatabase(config.database)
  try {
    await migrateToLatest(database)
  } catch (error) {
    await database.close()
    throw error
  }
  const { db } = database

  const { bus, listening } = createBus(config, database, logger)
  // A CDN in front hears of the changes published here (a CLI command's too) from this process.
  const stopEdgePurges = startEdgePurges(config, bus, logger)
  const settings = createSettings({
    db,
    clock,
    bus,
    defaults: {
      siteName: config.site.name,
      language: config.site.language,
      commentsMode: config.comments.mode,
      authorsMayPublish: config.newsroom.authorsMayPublish,
      // No configuration sets a logo: until an admin uploads one, the site name is shown.
      logo: null,
    },
    onRefreshError: (error) => logger.warn({ err: error }, 'settings refresh failed'),
  })
  try {
    // LISTEN before the first read: a change another process makes later arrives as an event.
    await listening()
    await settings.load()
  } catch (error) {
    await bus.close()
    await database.close()
    throw error
  }
  const accounts = createAccounts({
    db,
    clock,
    sessionPolicy: { idleMs: config.newsroom.sessionIdleMs, maxMs: config.newsroom.sessionMaxMs },
    signInLockMs: config.newsroom.signInLockMs,
    mailer: createMailer(config.mail, logger.child({ module: 'mail' })),
    logger: logger.child({ module: 'accounts' }),
    resetUrl: (token) => `${config.site.url}/newsroom/reset-password/${token}`,
    siteName: () => settings.current().siteName,
    ...(options.hashCost === undefined ? {} : { hashCost: options.hashCost }),
  })
  const mediaStorage = createDiskStorage(config.media.dir)
  const media = createMedia({
    db,
    clock,
    storage: mediaStorage,
    uploadMaxBytes: config.media.uploadMaxBytes,
  })
  const newsroom = createNewsroom({
    db,
    clock,
    bus,
    photos: media.getPhotos,
    // A save that moves a story takes its views along in the dashboard's section/author rollups.
    placementMoved: moveStoryViews,
    // Read at each check, so an admin's change applies at once.
    permissions: {
      get authorsMayPublish() {
        return settings.current().authorsMayPublish
      },
    },
  })
  const engagement = createEngagement({
    db,
    clock,
    newsroom,
    logger: logger.child({ module: 'engagement' }),
    bus,
    halfLifeHours: config.rankings.popularHalfLifeHours,
    viewsPerAddressPerStory: config.engagement.viewsPerAddressPerStory,
    // Any process may be one of several on PostgreSQL: a reader counts once across all of them.
    sharedReaders: database.dialect.name === 'postgres',
    // Flushes share-lock the stories they add to, so a save that moves one cannot race them.
    rowLocks: database.dialect.name === 'postgres',
    onWarmUp: (running) => {
      // The warm-up reads every story once: not worth keeping in SQLite's page cache.
      database.scanning(running)
      // Its garbage (every story's words) sits in the old generation until V8's next major
      // collection, which an idle server may put off for minutes (10 MiB of the idle figure at
      // 10,000 stories): one collection now, where npm start allows it (--expose-gc).
      if (!running) (globalThis as { gc?: () => void }).gc?.()
    },
  })
  const dashboard = createDashboard({ db, clock, engagement })
  const comments = createComments({
    db,
    clock,
    bus,
    // The default mode is the admin's setting, read at each use.
    config: {
      ...config.comments,
      get mode() {
        return settings.current().commentsMode
      },
    },
    newsroom,
    // Bylines and newsroom users (whose replies carry a badge): readers may not take their names.
    reservedNames: async () => {
      const [bylines, users] = await Promise.all([newsroom.authorNames(), accounts.listUsers()])
      return {
        site: [settings.current().siteName],
        staff: [...bylines, ...users.map((user) => user.name)],
      }
    },
  })
  const distribution = createDistribution({
    newsroom,
    fileSize: async (publicPath) => (await media.statFile(publicPath))?.size,
    clock,
    // The name, language and logo the admin set, read at each feed or sitemap.
    site: liveSite(config.site, settings),
    links: distributionLinks,
    settings: config.distribution,
  })
  const search = createSearch({ db, dialect: database.dialect.name, clock, bus, newsroom })
  try {
    // Stories written while no process followed the bus (a restore, an import, the migration
    // that created the index) are indexed now; a no-op when the index is current. Comparing
    // versions of every story would read the whole archive, so only missing ones are looked for.
    const indexed = await search.catchUp()
    if (indexed > 0) logger.info({ indexed }, 'search index caught up')
  } catch (error) {
    await bus.close()
    await database.close()
    throw error
  }

  const apiKeys = createApiKeys({
    db,
    clock,
    perMinute: config.api.ratePerMinute,
    // Several processes on PostgreSQL: the limit is the site's, not each process's.
    sharedWindows: database.dialect.name === 'postgres',
    // A revoke anywhere (a server, the CLI) makes every process forget the key at once.
    bus,
  })
  const webhooks = createWebhooks({
    db,
    clock,
    bus,
    logger: logger.child({ module: 'webhooks' }),
    newsroom,
    siteUrl: config.site.url,
    links: distributionLinks,
    maxAttempts: config.api.webhookMaxAttempts,
  })

  const imports = createImports({
    db,
    clock,
    newsroom,
    media,
    storage: mediaStorage,
    dialect: database.dialect.name,
  })

  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      try {
        search.close()
        webhooks.close()
        apiKeys.close()
        await engagement.close()
        await stopEdgePurges()
      } finally {
        await bus.close()
        await database.close()
      }
    })())

  return {
    config,
    logger,
    clock,
    database,
    accounts,
    media,
    newsroom,
    engagement,
    dashboard,
    comments,
    apiKeys,
    webhooks,
    distribution,
    search,
    imports,
    bus,
    settings,
    optimizeDatabase: () => database.dialect.optimize(db),
    close,
  }
}

/**
 * The bus config.scale.bus names: in-process, or shared by every process over PostgreSQL; and
 * what resolves once it hears the other processes (at once in-process; the first LISTEN, capped
 * at LISTEN_WAIT_MS, on PostgreSQL).
 */
function createBus(
  config: Config,
  database: DatabaseHandle,
  logger: Logger,
): { bus: Bus; listening: () => Promise<void> } {
  const onHandlerError = (event: string, error: unknown): void =>
    logger.error({ err: error, event }, 'event handler failed')
  if (config.scale.bus !== 'postgres' || config.database.kind !== 'postgres')
    return { bus: createInProcessBus({ onHandlerError }), listening: async () => {} }
  const busLogger = logger.child({ module: 'bus' })
  const bus = createPostgresBus({
    url: config.database.url,
    schema: database.schema,
    notify: async (channel, payload) => {
      await sql`select pg_notify(${channel}, ${payload})`.execute(database.db)
    },
    onHandlerError,
    onConnectionError: (error, retryInMs) =>
      busLogger.warn({ err: error, retryInMs }, 'bus: the listening connection failed; retrying'),
  })
  return { bus, listening: () => bus.listening() }
}

/**
 * Sends a CDN the purges of events published in this process (MASTHEAD_CDN_PURGE); resolves the
 * function that stops, after sending what is pending. Nothing without a provider.
 */
function startEdgePurges(config: Config, bus: Bus, logger: Logger): () => Promise<void> {
  const target = config.cdn.purge
  if (target.provider === 'none') return async () => {}
  const purger = createCdnPurger({
    target,
    siteTag: SITE_TAG,
    logger: logger.child({ module: 'cdn' }),
  })
  const unsubscribe = subscribeEdgePurges(bus, purger)
  return async () => {
    unsubscribe()
    await purger.close()
  }
}

export interface StartJobsOptions {
  /** Who runs a one-process job when several processes share the database (default: this one). */
  lease?: JobLease
  /** Delay of the runs at start (the engine's warm-up), so the first requests come first. */
  atStartAfterMs?: number
}

/**
 * Registers every background job with a scheduler and starts it; `stop()` on the result waits
 * for the runs in progress.
 * @example const jobs = startJobs(services); … await jobs.stop()
 */
export function startJobs(services: AppServices, options: StartJobsOptions = {}): Scheduler {
  const scheduler = createScheduler({
    clock: services.clock,
    logger: services.logger.child({ module: 'scheduler' }),
    // On PostgreSQL every process may be one of several: the shared lease picks the runner.
    lease:
      options.lease ??
      (services.database.dialect.name === 'postgres'
        ? createPostgresLease({ db: services.database.db })
        : createSingleProcessLease()),
  })
  for (const job of engagementJobs(services.engagement, services.config.engagement))
    scheduler.add(job)
  scheduler.add(publishDueJob(services.newsroom, services.config.newsroom.publishCheckMs))
  scheduler.add(expireFrontJob(services.newsroom))
  scheduler.add(sweepSessionsJob(services.accounts))
  scheduler.add(deliverWebhooksJob(services.webhooks))
  scheduler.start({ atStartAfterMs: options.atStartAfterMs ?? 0 })
  return scheduler
}

/**
 * Builds the web server over `services`, ready to `listen` or `inject`.
 * @example const web = await buildWeb(services); await web.listen({ port: 3000 })
 */
export async function buildWeb(services: AppServices): Promise<FastifyInstance> {
  const {
    config,
    logger,
    accounts,
    newsroom,
    engagement,
    dashboard,
    comments,
    search,
    media,
    apiKeys,
    distribution,
    imports,
    bus,
    database,
    settings,
  } = services
  if (config.cdn.sMaxAge > 0 && config.cdn.purge.provider === 'none')
    logger.warn(
      { sMaxAge: config.cdn.sMaxAge },
      'MASTHEAD_CDN_S_MAXAGE is set without MASTHEAD_CDN_PURGE: a change reaches readers through the CDN only when its copy expires',
    )
  return buildServer({
    config,
    logger,
    services: {
      accounts,
      newsroom,
      engagement,
      dashboard,
      comments,
      search,
      media,
      apiKeys,
      distribution,
      imports,
      bus,
      settings,
      checkHealth: () => pingDatabase(database.db),
    },
    infra: {
      pageCache: createMemoryCacheStore({ maxBytes: config.pageCache.maxBytes }),
      accessLog: rawLogTarget(logger),
    },
  })
}

/**
 * Closes what a command built, in order: the web server (requests in flight finish), the jobs
 * (the runs in progress end), then the services (pending views flushed, bus, database).
 */
export async function closeApp(parts: {
  web?: FastifyInstance | undefined
  jobs?: Scheduler | undefined
  services: AppServices
}): Promise<void> {
  try {
    await parts.web?.close()
    await parts.jobs?.stop()
  } finally {
    await parts.services.close()
  }
}
