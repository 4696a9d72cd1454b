/** The composition root: services alone start nothing; startJobs registers engagement's jobs. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { type AppServices, buildServices, closeApp, startJobs } from '../src/app.js'
import { parseConfig } from '../src/config.js'
import { createFixedClock } from '../src/lib/clock.js'
import { newsroomFixture } from './newsroom/newsroom-fixtures.js'

const NOW = new Date('2026-11-20T12:00:00.000Z')
const READER = {
  method: 'GET',
  address: '198.51.100.7',
  headers: {
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  },
}

describe('app', () => {
  let dir: string
  let services: AppServices
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-app-'))
    const config = parseConfig(
      {
        MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'app.db')}`,
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
        MASTHEAD_LOG_LEVEL: 'silent',
      },
      dir,
    )
    services = await buildServices(config, { clock: createFixedClock(NOW) })
  })
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('buildServices alone writes nothing: no salt, no rankings work', async () => {
    const salts = await services.database.db.selectFrom('view_salts').select('day').execute()
    assert.deepEqual(salts, [])
  })

  test('startJobs registers every engagement job and scheduled publishing; runNow drives them; closeApp flushes last', async () => {
    const story = await (await newsroomFixture(services.database.db)).story()
    const jobs = startJobs(services)
    assert.deepEqual(jobs.names().sort(), [
      'accounts.sweep-sessions',
      'engagement.flush-views',
      'engagement.full-reload',
      'engagement.open-day',
      'engagement.refresh-rankings',
      'engagement.sync-stories',
      'newsroom.expire-front',
      'newsroom.publish-due',
      'webhooks.deliver',
    ])
    await jobs.runNow('engagement.open-day')
    assert.equal(services.engagement.countView(story.id, READER), 'counted')
    await jobs.runNow('engagement.flush-views')
    assert.equal(await services.engagement.viewCount(story.id), 1)
    // Counted after the last flush: closing (web, jobs, then services) writes it.
    assert.equal(
      services.engagement.countView(story.id, { ...READER, address: '198.51.100.8' }),
      'counted',
    )
    await closeApp({ jobs, services })
    const config = services.config
    const again = await buildServices(config)
    try {
      assert.equal(await again.engagement.viewCount(story.id), 2)
    } finally {
      await again.close()
    }
  })
})
