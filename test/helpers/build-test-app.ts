/** Builds the real services and web server on a temp SQLite file, optionally with demo content. */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { type AppServices, buildServices, buildWeb, closeApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { seedDemo } from '../../src/demo/seed-demo.js'
import type { Logger } from '../../src/infra/logger.js'
import { type Clock, createFixedClock } from '../../src/lib/clock.js'

export interface TestApp {
  /**
   * The services and the server, without the jobs: nothing runs on its own. Tests bring
   * engagement up to date by calling its refresh, flushViews or syncStories themselves.
   */
  app: { services: AppServices; web: FastifyInstance }
  /** The admin credentials the demo printed (when seeded). */
  admin: { email: string; password: string } | undefined
  /** Closes the app and removes its files. */
  dispose(): Promise<void>
}

/** argon2id at its lowest cost: tests sign in hundreds of times on a machine shared by many. */
export const TEST_HASH_COST = { memoryCost: 1024, timeCost: 1, parallelism: 1 }

/** The instant demo content is generated against in tests. */
export const TEST_NOW = new Date('2026-11-20T12:00:00.000Z')

/**
 * Builds an app on a fresh temp folder; `articles` > 0 seeds that many demo stories (seed 7).
 * A `logger` replaces the silent one (tests that read the access log).
 */
export async function buildTestApp(
  options: { articles?: number; env?: Record<string, string>; clock?: Clock; logger?: Logger } = {},
): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-app-'))
  const config = parseConfig(
    {
      MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'masthead.db')}`,
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_LOG_LEVEL: 'silent',
      MASTHEAD_PORT: '0',
      MASTHEAD_SITE_URL: 'http://127.0.0.1:3000',
      ...options.env,
    },
    dir,
  )
  const services = await buildServices(config, {
    clock: options.clock ?? createFixedClock(TEST_NOW),
    hashCost: TEST_HASH_COST,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  })
  let admin: TestApp['admin']
  if ((options.articles ?? 0) > 0) {
    const result = await seedDemo(services, {
      articles: options.articles ?? 0,
      seed: 7,
      now: TEST_NOW,
    })
    admin = result.admin
    await services.engagement.refresh()
  }
  // What the open-day job does at start: readers are counted at once, not held for the salt.
  await services.engagement.openDay()
  const web = await buildWeb(services)
  return {
    app: { services, web },
    admin,
    dispose: async () => {
      await closeApp({ web, services })
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
