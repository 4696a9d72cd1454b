/** `masthead import ghost|markdown|wire` in-process on every database: summary, idempotency, exit status. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { forEachDatabase, type TestDatabase } from '../helpers/databases.js'
import { ghostExport } from '../imports/ghost/ghost-fixture.js'
import { writeMarkdownFolder } from '../imports/markdown/markdown-fixture.js'
import { WIRE_FILE, WIRE_REFILED } from '../imports/wire/wire-fixture.js'
import { databaseUrl, masthead } from './run-cli.js'

let dir: string
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-import-'))
})
after(() => fs.rmSync(dir, { recursive: true, force: true }))

const stories = (t: TestDatabase) =>
  t.handle.db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.headline',
      'articles.slug',
      'articles.status',
      'articles.body_markdown',
      'sections.slug as section',
    ])
    .orderBy('articles.id')
    .execute()

forEachDatabase('masthead import ghost|markdown|wire', (t) => {
  const env = (): Record<string, string> => ({
    MASTHEAD_DATABASE_URL: databaseUrl(t),
    MASTHEAD_MEDIA_DIR: path.join(dir, `media-${t.config.kind}`),
    MASTHEAD_LOG_LEVEL: 'silent',
  })
  const clear = async () => {
    for (const table of [
      'import_redirects',
      'import_sources',
      'article_tags',
      'article_authors',
      'search_documents',
      'articles',
    ] as const)
      await t.handle.db.deleteFrom(table).execute()
  }

  test('ghost: imports posts, reports the rest with place and reason, exit 1; a second run updates', async () => {
    await clear()
    const file = path.join(dir, `ghost-${t.config.kind}.json`)
    fs.writeFileSync(file, ghostExport())
    const first = await masthead(['import', 'ghost', file, '--sections', 'local-news=city'], env())
    assert.equal(first.code, 1, first.stderr)
    assert.match(first.stdout, /4 stories created, 0 updated, 1 skipped, 2 errors/)
    assert.match(
      first.stdout,
      /db\[0\]\.data\.posts\[3\] \(id p4\): "About us": a page, not a story/,
    )
    assert.match(first.stderr, /posts\[5\] \(id p6\): record: a post without a title/)
    assert.match(first.stderr, /posts\[6\] \(id p7\): record: bad date in published_at/)
    const rows = await stories(t)
    // valley-rain has no primary tag (its first is internal): it goes to the first section.
    assert.deepEqual(
      rows.map((r) => [r.slug, r.status, r.section]),
      [
        ['ferry-timetable', 'published', 'city'],
        ['valley-rain', 'published', 'city'],
        ['library-hours', 'published', 'city'],
        ['budget-notes', 'draft', 'city'],
      ],
    )
    assert.match(rows[0]?.body_markdown ?? '', /\*\*Tuesday\*\*/)
    const redirects = await t.handle.db
      .selectFrom('import_redirects')
      .select('path')
      .orderBy('path')
      .execute()
    assert.ok(redirects.some((r) => r.path === '/ferry-timetable'))

    const second = await masthead(['import', 'ghost', file, '--published-only'], env())
    assert.match(second.stdout, /0 stories created, 3 updated, 2 skipped, 2 errors/)
    assert.equal((await stories(t)).length, 4)
  })

  test('markdown: a folder of files, bad ones reported; a second run updates', async () => {
    await clear()
    const folder = writeMarkdownFolder()
    try {
      const first = await masthead(['import', 'markdown', folder], env())
      assert.equal(first.code, 1)
      assert.match(first.stdout, /2 stories created, 0 updated, 2 skipped, 5 errors/)
      assert.match(first.stderr, /notes\/bad-date\.md: record: bad date in date: "2024-02-30"/)
      const rows = await stories(t)
      assert.deepEqual(
        rows.map((r) => [r.headline, r.slug, r.status, r.section]),
        [
          ['Old bridge reopens after "long" repairs', 'bridge-reopens', 'published', 'local-news'],
          ['Rain warning for the weekend', 'rain', 'draft', 'weather'],
        ],
      )
      fs.appendFileSync(path.join(folder, 'posts/rain/index.md'), '\nA later paragraph.\n')
      const second = await masthead(['import', 'markdown', folder], env())
      assert.match(second.stdout, /0 stories created, 2 updated/)
      const after = await stories(t)
      assert.equal(after.length, 2)
      assert.match(after[1]?.body_markdown ?? '', /A later paragraph\./)
    } finally {
      fs.rmSync(folder, { recursive: true, force: true })
    }
  })

  test('wire: several stories, the agency credit kept; a refiled story updates by its slug line', async () => {
    await clear()
    const file = path.join(dir, `wire-${t.config.kind}.txt`)
    fs.writeFileSync(file, WIRE_FILE)
    const first = await masthead(['import', 'wire', file], env())
    assert.equal(first.code, 1)
    assert.match(first.stdout, /3 stories created, 0 updated, 0 skipped, 1 error/)
    assert.match(first.stderr, /wire-\w+\.txt:18: record: bad date in the dateline/)
    const rows = await stories(t)
    assert.equal(rows[0]?.slug, 'port-strike-lisbon')
    assert.match(rows[0]?.body_markdown ?? '', /Credit: Harbour Wire Service$/)
    const byline = await t.handle.db
      .selectFrom('authors')
      .innerJoin('article_authors', 'article_authors.author_id', 'authors.id')
      .select('authors.name')
      .where(
        'article_authors.article_id',
        '=',
        (
          await t.handle.db
            .selectFrom('articles')
            .select('id')
            .where('slug', '=', 'wind-farm-approved-off-the-northern-coast')
            .executeTakeFirst()
        )?.id ?? -1,
      )
      .execute()
    assert.deepEqual(
      byline.map((a) => a.name),
      ['AP'],
    )

    fs.writeFileSync(file, WIRE_REFILED)
    const second = await masthead(['import', 'wire', file], env())
    assert.equal(second.code, 0, second.stderr)
    assert.match(second.stdout, /0 stories created, 1 updated/)
    const after = await stories(t)
    assert.equal(after.length, 3)
    assert.equal(after[0]?.headline, 'Dockworkers end three-day strike at Lisbon port (refile)')
  })

  test('a missing input or the wrong kind is a usage error', async () => {
    const missing = await masthead(['import', 'markdown', path.join(dir, 'nope')], env())
    assert.equal(missing.code, 2)
    const file = path.join(dir, 'plain.txt')
    fs.writeFileSync(file, 'x')
    const notDir = await masthead(['import', 'markdown', file], env())
    assert.notEqual(notDir.code, 0)
    assert.match(notDir.stderr, /not a folder/)
  })
})
