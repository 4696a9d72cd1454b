/** seedDemo on a real database: the outlet it builds, its determinism, and a second (--force) run. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { createAccounts } from '../../src/accounts/index.js'
import { createComments } from '../../src/comments/index.js'
import { DEFAULT_COMMENTS_CONFIG } from '../../src/config.js'
import type { Db } from '../../src/db/database.js'
import { DEMO_AUTHORS } from '../../src/demo/outlet.js'
import { seedDemo } from '../../src/demo/seed-demo.js'
import { createEngagement } from '../../src/engagement/index.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createLogger } from '../../src/infra/logger.js'
import { addDays } from '../../src/lib/iso-time.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createDiskStorage, createMedia } from '../../src/media/index.js'
import { createNewsroom } from '../../src/newsroom/index.js'
import { createSqliteTestDatabase, forEachDatabase } from '../helpers/databases.js'

const NOW = new Date('2026-11-20T12:00:00.000Z')
const ARTICLES = 12

/** The services, wired the way src/app.ts wires them. */
function demoServices(db: Db, mediaDir: string) {
  const clock = createFixedClock(NOW)
  const bus = createInProcessBus({ onHandlerError: (_, error) => assert.fail(String(error)) })
  const media = createMedia({ db, clock, storage: createDiskStorage(mediaDir) })
  const newsroom = createNewsroom({ db, clock, bus, photos: media.getPhotos })
  const logger = createLogger({ level: 'silent' })
  const engagement = createEngagement({ db, clock, newsroom, logger })
  const comments = createComments({ db, clock, bus, config: DEFAULT_COMMENTS_CONFIG, newsroom })
  return { accounts: createAccounts({ db, clock }), media, newsroom, engagement, comments, bus }
}

async function headlines(services: ReturnType<typeof demoServices>): Promise<string[]> {
  const page = await services.newsroom.listArticles({}, 1, 100)
  return page.items.map((a) => a.headline)
}

forEachDatabase('seedDemo', (t) => {
  let dir: string
  let services: ReturnType<typeof demoServices>
  let result: Awaited<ReturnType<typeof seedDemo>>
  const progress: string[] = []
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-demo-'))
  })
  after(async () => {
    await services?.engagement.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('builds the outlet: sections, authors, stories, admin, and reports progress', async () => {
    services = demoServices(t.handle.db, path.join(dir, 'media'))
    result = await seedDemo(services, {
      articles: ARTICLES,
      seed: 3,
      now: NOW,
      onProgress: (m) => progress.push(m),
    })

    assert.equal(result.articles, ARTICLES)
    assert.equal(await services.newsroom.countPublished(), ARTICLES)
    const sections = await services.newsroom.listSections()
    assert.deepEqual(
      sections.map((s) => s.name),
      ['Asia', 'World', 'Business', 'Latest', 'Debate'],
    )
    assert.ok(sections.every((s) => s.description.length > 20))
    for (const demo of DEMO_AUTHORS) {
      const author = await services.newsroom.getAuthor(demo.slug)
      assert.ok(author !== undefined, demo.slug)
      assert.match(author.email, /@harbourledger\.example$/)
      assert.ok(author.photo !== null && author.bio.length > 80, demo.slug)
    }
    assert.equal(result.admin.email, 'admin@harbourledger.example')
    const admin = await services.accounts.verifyPassword(result.admin.email, result.admin.password)
    assert.equal(admin?.role, 'admin')
    assert.ok(progress.includes(`articles ${ARTICLES}/${ARTICLES}`))
    assert.ok(progress.some((m) => /^photos (\d+)\/\1$/.test(m)))
  })

  test('every story is published in the 60 days before now, with a credited lead photo', async () => {
    const page = await services.newsroom.listArticles({}, 1, 100)
    assert.equal(page.items.length, ARTICLES)
    const oldest = addDays(NOW, -60).getTime()
    for (const story of page.items) {
      const at = story.publishedAt.getTime()
      assert.ok(at <= NOW.getTime() && at >= oldest, story.headline)
      assert.ok(
        story.leadPhoto !== null && story.leadPhoto.credit !== '' && story.leadPhoto.alt !== '',
      )
      assert.ok(story.authors.length >= 1 && story.authors.length <= 2)
      if (story.updatedAt !== null) assert.ok(story.updatedAt > story.publishedAt)
    }
    const found = await services.newsroom.findPublishedArticle(page.items[0]?.slug ?? '')
    assert.equal(found?.kind, 'found')
    if (found?.kind === 'found') {
      assert.ok(found.article.tags.length >= 2 && found.article.tags.length <= 4)
      assert.match(found.article.bodyHtml, /<h[23][ >]/)
      assert.match(found.article.bodyHtml, /<blockquote/)
      assert.ok(found.article.wordCount > 150)
    }
  })

  test('stories have view history, comments and editors’ picks', async () => {
    await services.engagement.refresh()
    assert.ok((await services.engagement.popularNow({ limit: 5 })).length > 0)
    assert.ok((await services.engagement.weeklyBest({ limit: 12 })).length > 0)
    assert.equal((await services.newsroom.pickedArticles('top-stories', 10)).length, 6)
    assert.equal((await services.newsroom.pickedArticles('must-reads', 10)).length, 5)
    const page = await services.newsroom.listArticles({}, 1, 100)
    let comments = 0
    for (const story of page.items) comments += await services.comments.countVisible(story.id)
    assert.ok(comments > 0)
  })

  test('seeding again reuses sections and authors and picks the next free admin address', async () => {
    const again = await seedDemo(services, { articles: 3, seed: 4, now: NOW })
    assert.equal(again.admin.email, 'admin+2@harbourledger.example')
    assert.equal((await services.newsroom.listSections()).length, 5)
    assert.equal(await services.newsroom.countPublished(), ARTICLES + 3)
  })
})

test('the same seed and now give the same stories on two fresh databases', async () => {
  const runs: string[][] = []
  for (let i = 0; i < 2; i++) {
    const database = await createSqliteTestDatabase()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-demo-'))
    const services = demoServices(database.handle.db, dir)
    try {
      await seedDemo(services, { articles: 6, seed: 11, now: NOW })
      runs.push(await headlines(services))
    } finally {
      await services.engagement.close()
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  assert.equal(runs[0]?.length, 6)
  assert.deepEqual(runs[0], runs[1])
})
