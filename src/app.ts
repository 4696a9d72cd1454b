/** The composition root: reads config, opens the database, builds services and the web server. */

import type { FastifyInstance } from 'fastify'
import { createAccounts, type Accounts } from './accounts/index.js'
import { createComments, type Comments } from './comments/index.js'
import type { Config } from './config.js'
import { type DatabaseHandle, openDatabase } from './db/database.js'
import { pingDatabase } from './db/health.js'
import { migrateToLatest } from './db/migrator.js'
import { createEngagement, type Engagement } from './engagement/index.js'
import type { Bus } from './infra/bus/bus.js'
import { createInProcessBus } from './infra/bus/in-process.js'
import { createMemoryCacheStore } from './infra/cache-store/memory.js'
import { createLogger, type Logger } from './infra/logger.js'
import { type Clock, systemClock } from './lib/clock.js'
import { createMedia, type Media } from './media/index.js'
import { createNewsroom, type Newsroom } from './newsroom/index.js'
import { buildServer } from './web/server.js'

export interface AppServices {
  accounts: Accounts
  media: Media
  newsroom: Newsroom
  engagement: Engagement
  comments: Comments
  bus: Bus
}

export interface App {
  readonly config: Config
  readonly logger: Logger
  readonly database: DatabaseHandle
  readonly services: AppServices
  readonly web: FastifyInstance
  /** Refreshes the database planner's statistics; call after a bulk load such as the demo seed. */
  optimizeDatabase(): Promise<void>
  /** Stops background work, closes the server and the database; safe to call twice. */
  close(): Promise<void>
}

export interface BuildAppOptions {
  clock?: Clock
  logger?: Logger
}

/** Builds the whole application from `config`; migrates the database first. */
export async function buildApp(config: Config, options: BuildAppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? createLogger(config.log)
  const database = openDatabase(config.database)
  await migrateToLatest(database)
  const { db } = database

  const bus = createInProcessBus({
    onHandlerError: (event, error) => logger.error({ err: error, event }, 'event handler failed'),
  })
  const accounts = createAccounts({ db, clock })
  const media = createMedia({ db, clock, dir: config.media.dir })
  const newsroom = createNewsroom({ db, clock, bus, photos: media.getPhotos })
  const engagement = createEngagement({
    db,
    clock,
    newsroom,
    logger: logger.child({ module: 'engagement' }),
    bus,
    halfLifeHours: config.rankings.popularHalfLifeHours,
    viewFlushMs: config.engagement.viewFlushMs,
  })
  const comments = createComments({ db, clock, bus, config: config.comments })
  const services: AppServices = { accounts, media, newsroom, engagement, comments, bus }

  const web = await buildServer({
    config,
    logger,
    services: { newsroom, engagement, comments, media, bus, checkHealth: () => pingDatabase(db) },
    infra: { pageCache: createMemoryCacheStore({ maxBytes: config.pageCache.maxBytes }) },
  })

  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await web.close()
      await engagement.close()
      await bus.close()
      await database.close()
    })())

  const optimizeDatabase = (): Promise<void> => database.dialect.optimize(db)

  return { config, logger, database, services, web, optimizeDatabase, close }
}
