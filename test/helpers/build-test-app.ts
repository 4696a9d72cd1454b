/** Builds the real application on a temp SQLite file (or a PostgreSQL schema), optionally with demo content. */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type App, buildApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { seedDemo } from '../../src/demo/seed-demo.js'
import { createFixedClock } from '../../src/lib/clock.js'

export interface TestApp {
  app: App
  /** The admin credentials the demo printed (when seeded). */
  admin: { email: string; password: string } | undefined
  /** Closes the app and removes its files. */
  dispose(): Promise<void>
}

/** The instant demo content is generated against in tests. */
export const TEST_NOW = new Date('2026-11-20T12:00:00.000Z')

/** Builds an app on a fresh temp folder; `articles` > 0 seeds that many demo stories (seed 7). */
export async function buildTestApp(
  options: { articles?: number; env?: Record<string, string> } = {},
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
  const clock = createFixedClock(TEST_NOW)
  const app = await buildApp(config, { clock })
  let admin: TestApp['admin']
  if ((options.articles ?? 0) > 0) {
    const result = await seedDemo(app.services, {
      articles: options.articles ?? 0,
      seed: 7,
      now: TEST_NOW,
    })
    admin = result.admin
    await app.services.engagement.refresh()
  }
  return {
    app,
    admin,
    dispose: async () => {
      await app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
