/** The story's dates agree across JSON-LD, meta tags and <time> on SQLite and PostgreSQL alike. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, one, parsePage } from '../../helpers/html.js'
import { databaseUrl } from '../../cli/run-cli.js'

forEachDatabase('story dates on the page', (t) => {
  let testApp: TestApp
  before(async () => {
    testApp = await buildTestApp({ env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
  })
  // Closed by the last test, not in after(): the suite's own after() drops the PostgreSQL schema
  // first, and closing flushes view counts into it.
  let closed = false
  after(async () => {
    if (!closed) await testApp.dispose()
  })

  test('published, updated by an edit, then by a correction: every date source agrees', async () => {
    const { newsroom } = testApp.app.services
    const section = await newsroom.createSection({ name: `Dates ${t.config.kind}` })
    const author = await newsroom.createAuthor({ name: `Dana Reyes ${t.config.kind}` })
    const story = await newsroom.createArticle({
      headline: `Ferry timetable changes ${t.config.kind}`,
      bodyMarkdown: 'The winter timetable starts on Monday.',
      sectionId: section.id,
      authorIds: [author.id],
      label: 'explainer',
      status: 'published',
      // Sub-second parts survive both databases' time columns.
      publishedAt: new Date('2026-11-20T06:00:00.123Z'),
      updatedAt: new Date('2026-11-20T06:37:00.456Z'),
    })
    const path = `/${section.slug}/${story.slug}`

    const check = async (published: string, modified: string): Promise<void> => {
      const response = await testApp.app.web.inject({ method: 'GET', url: path })
      assert.equal(response.statusCode, 200)
      const doc = parsePage(response.body)
      const data = JSON.parse(one(doc, 'script[type="application/ld+json"]').textContent ?? '') as {
        '@type': string
        datePublished: string
        dateModified: string
      }
      const metaOf = (p: string) => one(doc, `meta[property="${p}"]`).getAttribute('content') ?? ''
      const times = all(one(doc, '.byline'), 'time').map((e) => e.getAttribute('datetime'))
      assert.equal(data['@type'], 'NewsArticle')
      assert.deepEqual(
        [data.datePublished, metaOf('article:published_time'), times[0]],
        [published, published, published],
      )
      assert.deepEqual(
        [data.dateModified, metaOf('article:modified_time'), times[1]],
        [modified, modified, modified],
      )
    }
    // The row's modified_at is the seed time (12:00), later than the update: it must not leak.
    await check('2026-11-20T06:00:00.123Z', '2026-11-20T06:37:00.456Z')
    const note = await newsroom.addArticleNote(
      { userId: 0, role: 'admin', name: 'Admin' },
      story.id,
      { kind: 'update', text: 'Two extra sailings on Sundays.' },
    )
    await check('2026-11-20T06:00:00.123Z', note.createdAt.toISOString())
    closed = true
    await testApp.dispose()
  })
})
