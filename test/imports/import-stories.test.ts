/** The import runner on every database: idempotent writes, skips and errors, old-address redirects. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type AppServices, buildServices, buildWeb } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import type { ImportRecord } from '../../src/imports/index.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { forEachDatabase } from '../helpers/databases.js'
import { databaseUrl } from '../cli/run-cli.js'

const SOURCE = { name: 'testpress https://old.example' }

/** A small archive as an importer would yield it: written for this test. */
function archive(headlineSuffix = ''): ImportRecord[] {
  return [
    { kind: 'section', place: 'line 3', sourceId: 'harbour', name: 'Harbour', slug: 'harbour' },
    {
      kind: 'author',
      place: 'line 5',
      sourceId: 'mkeel',
      name: 'Mira Keel',
      email: 'mira@old.example',
    },
    {
      kind: 'story',
      place: 'line 10',
      sourceId: '12',
      headline: `Ferry timetable changes for winter${headlineSuffix}`,
      body: {
        format: 'html',
        text: '<p>The <strong>first</strong> ferry now leaves at 7.</p><h3>Fares</h3><ul><li>Adults</li><li>Children</li></ul>',
      },
      section: 'harbour',
      authors: ['mkeel'],
      tags: ['Ferries', 'Winter'],
      status: 'published',
      publishedAt: new Date('2019-05-04T08:00:00Z'),
      slug: 'ferry-timetable-winter',
      oldUrls: ['https://old.example/2019/05/ferry-timetable-winter/', 'https://old.example/?p=12'],
    },
    {
      kind: 'story',
      place: 'line 40',
      sourceId: '13',
      headline: 'Lighthouse keeper retires',
      body: { format: 'markdown', text: 'After *forty* years.' },
      status: 'draft',
    },
    { kind: 'skip', place: 'line 60', what: 'page "About"', reason: 'pages are not imported' },
    { kind: 'malformed', place: 'line 70', reason: 'a post without a title' },
    {
      kind: 'story',
      place: 'line 80',
      sourceId: '14',
      headline: '   ',
      body: { format: 'html', text: '<p>No headline.</p>' },
      status: 'published',
    },
  ]
}

async function* stream(records: ImportRecord[]): AsyncIterable<ImportRecord> {
  for (const record of records) yield record
}

forEachDatabase('importStories', (t) => {
  let dir: string
  let services: AppServices
  let web: FastifyInstance

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-imports-'))
    const config = parseConfig(
      {
        MASTHEAD_DATABASE_URL: databaseUrl(t),
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
        MASTHEAD_LOG_LEVEL: 'silent',
        MASTHEAD_SITE_URL: 'http://127.0.0.1:3000',
      },
      dir,
    )
    services = await buildServices(config, {
      clock: createFixedClock(new Date('2026-11-20T12:00:00Z')),
    })
    web = await buildWeb(services)
  })
  after(async () => {
    await web.close()
    await services.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const storyCount = async (): Promise<number> => {
    const row = await t.handle.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  test('the first run creates, skips with reasons and reports errors with their place', async () => {
    const summary = await services.imports.run(SOURCE, stream(archive()), {})
    assert.equal(summary.created, 2)
    assert.equal(summary.updated, 0)
    assert.deepEqual(summary.createdOther, { sections: 1, authors: 1, photos: 0 })
    assert.deepEqual(summary.skipped, [
      { place: 'line 60', what: 'page "About"', reason: 'pages are not imported' },
    ])
    assert.deepEqual(
      summary.errors.map((e) => e.place),
      ['line 70', 'line 80'],
    )
    assert.match(summary.errors[1]?.reason ?? '', /ARTICLE_HEADLINE_REQUIRED/)
    assert.equal(await storyCount(), 2)

    const found = await services.newsroom.findPublishedArticle('ferry-timetable-winter')
    assert.equal(found?.kind, 'found')
    if (found?.kind !== 'found') return
    const article = found.article
    assert.equal(article.section.slug, 'harbour')
    assert.deepEqual(
      article.authors.map((a) => a.name),
      ['Mira Keel'],
    )
    assert.deepEqual(article.tags.map((tag) => tag.name).sort(), ['Ferries', 'Winter'])
    assert.equal(article.publishedAt.toISOString(), '2019-05-04T08:00:00.000Z')
    assert.equal(
      await services.newsroom.markdownOf(article.id),
      'The **first** ferry now leaves at 7.\n\n### Fares\n\n- Adults\n- Children',
    )
    assert.match(article.bodyHtml, /<h2>Fares<\/h2>/)
  })

  test('running it again updates the same stories and duplicates nothing', async () => {
    const summary = await services.imports.run(SOURCE, stream(archive(' (revised)')), {})
    assert.equal(summary.created, 0)
    assert.equal(summary.updated, 2)
    assert.deepEqual(summary.createdOther, { sections: 0, authors: 0, photos: 0 })
    assert.equal(await storyCount(), 2)
    const found = await services.newsroom.findPublishedArticle('ferry-timetable-winter')
    assert.equal(found?.kind === 'found' && found.article.headline, 'Ferry timetable changes for winter (revised)') // prettier-ignore
  })

  test('--published-only leaves drafts out, with the reason', async () => {
    const summary = await services.imports.run(SOURCE, stream(archive()), { publishedOnly: true })
    assert.equal(summary.updated, 1)
    assert.deepEqual(
      summary.skipped.map((s) => [s.place, s.reason]),
      [
        ['line 40', 'a draft, and --published-only was given'],
        ['line 60', 'pages are not imported'],
      ],
    )
  })

  test('a dry run writes nothing', async () => {
    const records = archive().map((r) =>
      r.kind === 'story' ? { ...r, sourceId: `new-${r.sourceId}` } : r,
    )
    const summary = await services.imports.run(SOURCE, stream(records), { dryRun: true })
    // A dry run does not apply the newsroom's rules: the story without a headline counts too.
    assert.equal(summary.created, 3)
    assert.equal(await storyCount(), 2)
  })

  test('old addresses answer 301 with the new address', async () => {
    for (const url of [
      '/2019/05/ferry-timetable-winter/',
      '/2019/05/ferry-timetable-winter',
      '/?p=12',
    ]) {
      const response = await web.inject({ method: 'GET', url })
      assert.equal(response.statusCode, 301, url)
      assert.equal(response.headers.location, '/harbour/ferry-timetable-winter', url)
    }
    assert.equal(
      (await web.inject({ method: 'GET', url: '/2019/05/no-such-post/' })).statusCode,
      404,
    )
    assert.equal((await web.inject({ method: 'GET', url: '/?p=99' })).statusCode, 400)
  })
})
