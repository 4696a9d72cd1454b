/**
 * The app with a CDN in front (MASTHEAD_CDN_PURGE pointed at a fake CDN API on 127.0.0.1): a
 * publish or an edit reaches the CDN as a purge of the story's tags within a second, a section
 * change as a whole-site purge, and with two processes on one PostgreSQL database only the one
 * where the change happened sends it.
 */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import { type AppServices, buildServices } from '../src/app.js'
import { parseConfig } from '../src/config.js'
import { TEST_HASH_COST, buildTestApp, type TestApp } from './helpers/build-test-app.js'
import { createPostgresTestDatabase } from './helpers/databases.js'
import { type FakeCdn, type RecordedPurge, startFakeCdn } from './helpers/fake-cdn.js'
import { newsroomFixture } from './newsroom/newsroom-fixtures.js'

const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The surrogate keys a Fastly purge request named. */
const keysOf = (request: RecordedPurge | undefined): string[] =>
  String(request?.headers['surrogate-key'] ?? '').split(' ')

/** The env that points Fastly purges at `cdn`. */
const fastlyAt = (cdn: FakeCdn): Record<string, string> => ({
  MASTHEAD_CDN_PURGE: 'fastly',
  MASTHEAD_CDN_PURGE_URL: cdn.url,
  MASTHEAD_CDN_FASTLY_SERVICE_ID: 'service1234',
  MASTHEAD_CDN_FASTLY_API_TOKEN: 'fastly-token',
  MASTHEAD_CDN_S_MAXAGE: '600',
})

describe('a CDN in front of the app', () => {
  let cdn: FakeCdn
  let testApp: TestApp

  before(async () => {
    cdn = await startFakeCdn()
    testApp = await buildTestApp({ articles: 3, env: fastlyAt(cdn) })
  })

  after(async () => {
    await testApp.dispose()
    await cdn.close()
  })

  beforeEach(async () => {
    // The demo's seeding publishes too: its purges are not this test's.
    await sleep(300)
    cdn.requests.length = 0
  })

  test("an edit purges the story's tags, the ones its page carries, within a second", async () => {
    const { newsroom } = testApp.app.services
    const { items } = await newsroom.listArticles({}, 1, 1)
    const story = items[0]
    assert.ok(story !== undefined)
    const page = await testApp.app.web.inject({ url: `/${story.section.slug}/${story.slug}` })
    const carried = String(page.headers['surrogate-key']).split(' ')
    assert.ok(carried.includes(`article:${story.id}`))

    const started = Date.now()
    await newsroom.updateArticle(story.id, { label: 'analysis' })
    await cdn.waitFor((requests) => requests.length > 0, 1000)
    assert.ok(Date.now() - started < 1000)
    const [purge] = cdn.requests
    assert.equal(purge?.path, '/service/service1234/purge')
    assert.equal(purge?.headers['fastly-key'], 'fastly-token')
    const keys = keysOf(purge)
    for (const tag of [`article:${story.id}`, `section:${story.section.slug}`, 'front'])
      assert.ok(keys.includes(tag), tag)
    assert.ok(keys.some((key) => carried.includes(key) && key !== 'masthead'))
  })

  test('publishing a new story purges its tags within a second', async () => {
    const { newsroom } = testApp.app.services
    const [section] = await newsroom.listSections()
    const [author] = await newsroom.authorsWithCounts()
    assert.ok(section !== undefined && author !== undefined)
    const draft = await newsroom.createArticle({
      headline: 'Harbour ferry returns',
      bodyMarkdown: 'The ferry runs again from Monday.',
      sectionId: section.id,
      authorIds: [author.id],
    })
    await newsroom.publishArticle(draft.id)
    await cdn.waitFor(
      (requests) => requests.some((r) => keysOf(r).includes(`article:${draft.id}`)),
      1000,
    )
    const purge = cdn.requests.find((r) => keysOf(r).includes(`article:${draft.id}`))
    assert.ok(keysOf(purge).includes(`author:${author.id}`))
  })

  test('a section change, which clears every page cache, purges the whole site', async () => {
    await testApp.app.services.newsroom.addSection('Weather')
    await cdn.waitFor((requests) => requests.length > 0, 1000)
    assert.deepEqual(keysOf(cdn.requests[0]), ['masthead'])
  })
})

describe('a CDN in front of a short-lived command', () => {
  test('closing the services sends the purges still pending at once', async () => {
    const cdn = await startFakeCdn()
    const testApp = await buildTestApp({ articles: 1, env: fastlyAt(cdn) })
    try {
      const { newsroom } = testApp.app.services
      const story = (await newsroom.listArticles({}, 1, 1)).items[0]
      assert.ok(story !== undefined)
      await sleep(300)
      cdn.requests.length = 0
      await newsroom.updateArticle(story.id, { label: 'analysis' })
      // As a CLI command does right after its change: no wait for the 200 ms batch.
      await testApp.app.services.close()
      assert.equal(cdn.requests.length, 1)
      assert.ok(keysOf(cdn.requests[0]).includes(`article:${story.id}`))
    } finally {
      await testApp.dispose()
      await cdn.close()
    }
  })
})

describe(
  'a CDN in front of two processes on one PostgreSQL database [postgres]',
  { skip: pgSkip },
  () => {
    test('only the process where the change happened sends the purge', async () => {
      assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
      const cdn = await startFakeCdn()
      const database = await createPostgresTestDatabase(pgUrl)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cdn-'))
      const built: AppServices[] = []
      try {
        const story = await (await newsroomFixture(database.handle.db)).story()
        const url = new URL(pgUrl)
        url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
        const config = parseConfig(
          {
            MASTHEAD_DATABASE_URL: url.href,
            MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
            MASTHEAD_LOG_LEVEL: 'silent',
            ...fastlyAt(cdn),
          },
          dir,
        )
        const a = await buildServices(config, { hashCost: TEST_HASH_COST })
        built.push(a)
        const b = await buildServices(config, { hashCost: TEST_HASH_COST })
        built.push(b)
        // B hears A's event (its own page cache purges), but the CDN is A's to tell.
        let heardByB = 0
        b.bus.subscribe('article.updated', () => void (heardByB += 1))

        await a.newsroom.updateArticle(story.id, { label: 'analysis' })
        await cdn.waitFor((requests) => requests.length > 0, 1000)
        await sleep(500)
        assert.equal(heardByB, 1)
        assert.equal(cdn.requests.length, 1)
        assert.ok(keysOf(cdn.requests[0]).includes(`article:${story.id}`))
      } finally {
        for (const services of built) await services.close()
        await database.dispose()
        fs.rmSync(dir, { recursive: true, force: true })
        await cdn.close()
      }
    })
  },
)
