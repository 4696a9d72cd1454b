/** Site search on every database: the same fixture stories, the same queries, the same answers. */

import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { before, test } from 'node:test'
import { isMastheadError } from '../../src/lib/errors.js'
import { toDbTime } from '../../src/db/time-codec.js'
import { createSearch, type Search, type SearchRequest } from '../../src/search/index.js'
import { forEachDatabase } from '../helpers/databases.js'
import { NOW, newsroomFixture, type NewsroomFixture } from '../newsroom/newsroom-fixtures.js'

const DAY = 86_400_000
const ago = (days: number): Date => new Date(NOW.getTime() - days * DAY)

/** Ten stories about nothing in particular, so no query word is in most of the index. */
const FILLER = [
  'Library extends its opening hours',
  'School choir wins regional prize',
  'Market traders welcome new stalls',
  'Museum shows medieval maps',
  'Cyclists ask for safer junctions',
  'Bakery celebrates fifty years',
  'Orchestra announces winter season',
  'Allotment waiting list grows',
  'Theatre restores its old organ',
  'Volunteers clean the river banks',
]

forEachDatabase('site search', (t) => {
  let f: NewsroomFixture
  let other: NewsroomFixture
  let search: Search
  const ids: Record<string, number> = {}

  const find = async (text: string, extra: Partial<SearchRequest> = {}): Promise<string[]> => {
    const results = await search.search({ text, page: 1, perPage: 20, ...extra })
    return results.hits.map((hit) => hit.story.headline)
  }

  before(async () => {
    f = await newsroomFixture(t.handle.db)
    other = await newsroomFixture(t.handle.db)
    search = createSearch({
      db: t.handle.db,
      dialect: t.handle.dialect.name,
      clock: f.clock,
      bus: f.bus,
      newsroom: f.newsroom,
    })
    // The second newsroom publishes on its own bus: search follows the first one's.
    other.bus.subscribe('article.published', (e) => search.refresh(e.articleId))
    const haddad = await f.newsroom.createAuthor({ name: 'Amira Haddad', email: 'a@example.org' })
    const story = async (key: string, fields: Parameters<NewsroomFixture['story']>[0]) => {
      ids[key] = (await f.story(fields)).id
    }
    await story('ferries', {
      headline: 'Ferries halted as storm batters the coast',
      dek: 'Ports close for two days.',
      bodyMarkdown: 'Ferry operators cancelled every crossing on Tuesday as the storm arrived.',
      tagNames: ['Weather', 'Transport'],
      publishedAt: ago(0.1),
    })
    await story('council', {
      headline: 'Council debates the harbour budget',
      bodyMarkdown:
        'Members argued for three hours about repairs to the quay, the lighthouse and the old ' +
        'slipway. One member asked whether the ferry subsidy would survive the cuts. The vote ' +
        'was postponed until the spring, when the auditors report on the accounts.',
      publishedAt: ago(1),
    })
    await story('tidal', {
      headline: 'Tidal power plant opens in the bay',
      bodyMarkdown: 'The tidal power station will supply nine thousand homes with renewable power.',
      tagNames: ['Energy'],
      publishedAt: ago(3),
    })
    await story('cuts', {
      headline: 'Power cuts hit the northern villages',
      bodyMarkdown: 'Engineers worked through the night after high winds brought down lines.',
      publishedAt: ago(10),
    })
    await story('shipping', {
      headline: 'Shipping lanes reopen',
      bodyMarkdown: 'Cargo ships queued outside the estuary for a week.',
      authorIds: [haddad.id],
      publishedAt: ago(5),
    })
    await story('cafe', {
      headline: 'A café by the مرفأ welcomes visitors',
      bodyMarkdown: 'The Café Lumière serves coffee to fishermen at dawn.',
      publishedAt: ago(2),
    })
    await story('draft', {
      headline: 'Ferry strike planned',
      bodyMarkdown: 'Draft text.',
      status: 'draft',
      publishedAt: null,
    })
    await story('future', {
      headline: 'Ferry timetable for the summer',
      bodyMarkdown: 'Not yet.',
      publishedAt: new Date(NOW.getTime() + DAY),
    })
    for (const headline of FILLER) await story(headline, { headline, bodyMarkdown: `${headline}.` })
    ids.elsewhere = (
      await other.story({
        headline: 'Island ferry gets a new captain',
        bodyMarkdown: 'The ferry crew welcomed her aboard.',
        publishedAt: ago(20),
      })
    ).id
  })

  test('finds words in headline, dek, body, tags and bylines, best first', async () => {
    // A headline match outranks a passing mention in a long body, even three weeks older.
    assert.deepEqual(await find('ferry'), [
      'Ferries halted as storm batters the coast',
      'Island ferry gets a new captain',
      'Council debates the harbour budget',
    ])
    assert.deepEqual(await find('energy'), ['Tidal power plant opens in the bay'])
    assert.deepEqual(await find('haddad'), ['Shipping lanes reopen'])
    assert.deepEqual(await find('crossing'), ['Ferries halted as storm batters the coast'])
  })

  test('stems English words: ferries finds ferry, shipping finds ships', async () => {
    assert.deepEqual(await find('ferries'), await find('ferry'))
    assert.deepEqual(await find('ships'), ['Shipping lanes reopen'])
  })

  test('reads phrases in quotes, prefixes with *, exclusions and OR', async () => {
    assert.deepEqual(await find('"tidal power"'), ['Tidal power plant opens in the bay'])
    assert.deepEqual(await find('"power tidal"'), [])
    assert.deepEqual(await find('tid*'), ['Tidal power plant opens in the bay'])
    assert.deepEqual(await find('power -tidal'), ['Power cuts hit the northern villages'])
    assert.deepEqual(await find('power NOT tidal'), ['Power cuts hit the northern villages'])
    assert.deepEqual(await find('power'), [
      'Tidal power plant opens in the bay',
      'Power cuts hit the northern villages',
    ])
    assert.deepEqual((await find('lighthouse OR renewable')).sort(), [
      'Council debates the harbour budget',
      'Tidal power plant opens in the bay',
    ])
    assert.deepEqual(await find('storm ferry'), ['Ferries halted as storm batters the coast'])
  })

  test('folds accents and reads any script', async () => {
    assert.deepEqual(await find('cafe'), ['A café by the مرفأ welcomes visitors'])
    assert.deepEqual(await find('CAFÉ'), ['A café by the مرفأ welcomes visitors'])
    assert.deepEqual(await find('مرفأ'), ['A café by the مرفأ welcomes visitors'])
  })

  test('never shows drafts or stories whose publication time is ahead', async () => {
    const found = await find('ferry strike timetable OR ferry')
    assert.ok(!found.includes('Ferry strike planned'))
    assert.ok(!found.includes('Ferry timetable for the summer'))
  })

  test('a fresher story outranks an older one of equal relevance', async () => {
    const older = await f.story({
      headline: 'Lighthouse keeper retires',
      bodyMarkdown: 'x',
      publishedAt: ago(60),
    })
    const newer = await f.story({
      headline: 'Lighthouse keeper retires',
      bodyMarkdown: 'x',
      publishedAt: ago(1),
    })
    const results = await search.search({ text: 'keeper', page: 1, perPage: 5 })
    assert.deepEqual(
      results.hits.map((h) => h.story.id),
      [newer.id, older.id],
    )
    assert.ok((results.hits[0]?.score ?? 0) > (results.hits[1]?.score ?? 0))
  })

  test('a broad query ranks only its newest matches (by story id); a narrow one all of them', async () => {
    const oldest = await f.story({
      headline: 'Quayside cranes return',
      bodyMarkdown: 'The quayside cranes are back.',
      publishedAt: ago(1),
    })
    const middle = await f.story({
      bodyMarkdown: 'A walk along the quayside.',
      publishedAt: ago(1),
    })
    const newest = await f.story({ bodyMarkdown: 'Rain on the quayside.', publishedAt: ago(1) })
    const narrow = createSearch({
      db: t.handle.db,
      dialect: t.handle.dialect.name,
      clock: f.clock,
      bus: f.bus,
      newsroom: f.newsroom,
      rankedWindow: 2,
    })
    narrow.close()
    const windowed = await narrow.search({ text: 'quayside', page: 1, perPage: 5 })
    assert.deepEqual(windowed.hits.map((h) => h.story.id).sort(), [middle.id, newest.id].sort())
    const whole = await search.search({ text: 'quayside', page: 1, perPage: 5 })
    assert.equal(whole.hits[0]?.story.id, oldest.id, 'the headline match ranks first')
    assert.equal(whole.total, 3)
  })

  test('filters by section, author and date range', async () => {
    assert.deepEqual(await find('ferry', { section: other.section.slug }), [
      'Island ferry gets a new captain',
    ])
    assert.deepEqual(await find('ferry', { section: 'no-such-section' }), [])
    assert.deepEqual(await find('ships OR ferry', { author: 'amira-haddad' }), [
      'Shipping lanes reopen',
    ])
    assert.deepEqual(await find('ferry', { from: ago(2), until: NOW }), [
      'Ferries halted as storm batters the coast',
      'Council debates the harbour budget',
    ])
    assert.deepEqual(await find('ferry', { until: ago(2) }), ['Island ferry gets a new captain'])
  })

  test('pages through results with a total', async () => {
    const first = await search.search({ text: 'ferry', page: 1, perPage: 2 })
    const second = await search.search({ text: 'ferry', page: 2, perPage: 2 })
    assert.equal(first.total, 3)
    assert.equal(first.totalPages, 2)
    assert.equal(second.total, 3)
    assert.deepEqual(
      [...first.hits, ...second.hits].map((h) => h.story.headline),
      await find('ferry'),
    )
    const past = await search.search({ text: 'ferry', page: 9, perPage: 2 })
    assert.deepEqual(past.hits, [])
  })

  test('marks the matched words in the headline and a snippet, as plain text parts', async () => {
    const [hit] = (await search.search({ text: 'ferries storm', page: 1, perPage: 1 })).hits
    assert.ok(hit)
    assert.deepEqual(
      hit.headline.filter((p) => p.mark).map((p) => p.text),
      ['Ferries', 'storm'],
    )
    assert.deepEqual(
      hit.snippet.filter((p) => p.mark).map((p) => p.text),
      ['Ferry', 'storm'],
    )
    assert.equal(
      hit.snippet.map((p) => p.text).join(''),
      'Ferry operators cancelled every crossing on Tuesday as the storm arrived.',
    )
  })

  test('the index follows publish, edit and unpublish at once', async () => {
    const draft = await f.story({
      headline: 'Quarry plans shelved',
      bodyMarkdown: 'x',
      status: 'draft',
      publishedAt: null,
    })
    assert.deepEqual(await find('quarry'), [])
    await f.newsroom.publishArticle(draft.id, ago(0.5))
    assert.deepEqual(await find('quarry'), ['Quarry plans shelved'])
    await f.newsroom.updateArticle(draft.id, { headline: 'Gravel pit plans shelved' })
    assert.deepEqual(await find('quarry'), [])
    assert.deepEqual(await find('gravel'), ['Gravel pit plans shelved'])
    // What the workflow's unpublish does: the story leaves the published state, then says so.
    await t.handle.db
      .updateTable('articles')
      .set({ status: 'draft', modified_at: toDbTime(NOW) })
      .where('id', '=', draft.id)
      .execute()
    await f.bus.publish('article.unpublished', {
      articleId: draft.id,
      slug: draft.slug,
      sectionSlug: f.section.slug,
      authorIds: [],
      tagIds: [],
    })
    assert.deepEqual(await find('gravel'), [])
    const rows = await t.handle.db
      .selectFrom('search_documents')
      .select('article_id')
      .where('article_id', '=', draft.id)
      .execute()
    assert.deepEqual(rows, [])
  })

  test('a bulk write defers indexing to one catch-up at its end, even when it fails', async () => {
    let seenInside: string[] = ['not run']
    await search.deferIndexing(async () => {
      await f.story({
        headline: 'Ropewalk museum reopens',
        bodyMarkdown: 'x',
        publishedAt: ago(0.2),
      })
      seenInside = await find('ropewalk')
    })
    assert.deepEqual(seenInside, [])
    assert.deepEqual(await find('ropewalk'), ['Ropewalk museum reopens'])
    await assert.rejects(
      search.deferIndexing(async () => {
        await f.story({
          headline: 'Windmill sails mended',
          bodyMarkdown: 'x',
          publishedAt: ago(0.2),
        })
        throw new Error('the import broke off')
      }),
      /broke off/,
    )
    assert.deepEqual(await find('windmill'), ['Windmill sails mended'])
  })

  test('catch-up indexes stories written behind its back, and nothing twice', async () => {
    await t.handle.db
      .deleteFrom('search_documents')
      .where('article_id', '=', ids.tidal ?? 0)
      .execute()
    assert.equal(await search.catchUp(), 1)
    assert.equal(await search.catchUp(), 0)
    // A story edited while nothing followed the bus: found when versions are compared.
    await t.handle.db
      .updateTable('articles')
      .set({
        headline: 'Tidal power plant opens in the lagoon',
        modified_at: toDbTime(new Date(NOW.getTime() + 1000)),
      })
      .where('id', '=', ids.tidal ?? 0)
      .execute()
    assert.equal(await search.catchUp(), 0)
    assert.equal(await search.catchUp({ outdated: true }), 1)
    assert.deepEqual(await find('lagoon'), ['Tidal power plant opens in the lagoon'])
    assert.equal(await search.catchUp({ outdated: true }), 0)
  })

  test('SQLite: a catch-up keeps FTS5 seeking its data pages even after ANALYZE saw them few', async () => {
    if (t.handle.dialect.name !== 'sqlite') return
    const { db } = t.handle
    // Statistics taken while the index was nearly empty (as at the start after a migration).
    await sql`analyze search_fts_data`.execute(db)
    await sql`update sqlite_stat1 set stat = '2' where tbl = 'search_fts_data'`.execute(db)
    await sql`analyze sqlite_schema`.execute(db)
    await db
      .deleteFrom('search_documents')
      .where('article_id', '=', ids.cuts ?? 0)
      .execute()
    assert.equal(await search.catchUp(), 1)
    // The shadow table is read-only here (defensive mode); a select has FTS5's delete's plan.
    const plan = await sql<{ detail: string }>`explain query plan
      select id from search_fts_data where id >= 1 and id <= 2`.execute(db)
    assert.match(plan.rows.map((r) => r.detail).join(' | '), /INTEGER PRIMARY KEY/)
    assert.deepEqual(await find('northern'), ['Power cuts hit the northern villages'])
  })

  test('odd input finds something or says clearly why not, never fails otherwise', async () => {
    const inputs = [
      '"unbalanced ferry',
      'ferry"',
      '""',
      'AND',
      'OR ferry',
      'ferry OR',
      'NOT',
      'NOT ferry',
      '-',
      '-ferry',
      '--ferry',
      'NEAR(',
      'NEAR(ferry storm)',
      'ferry NEAR/2 storm',
      '*',
      '**',
      'f*',
      'ferry*',
      '*ferry',
      'headline:ferry',
      '{headline}: ferry',
      'ferry\u0000storm',
      '\u0000',
      '😀',
      'ferry 😀',
      'مرحبا بالعالم',
      'שלום',
      "'; drop table articles; --",
      '\\',
      "ferry's",
      '(ferry',
      'ferry)',
      '^ferry',
      'x'.repeat(256),
      'ferry '.repeat(40),
      'a'.repeat(10_000),
      '\uD800',
      '%00',
      '&amp;',
    ]
    for (const text of inputs) {
      try {
        const results = await search.search({ text, page: 1, perPage: 5 })
        assert.ok(results.total >= 0, text)
      } catch (error) {
        assert.ok(isMastheadError(error), `${JSON.stringify(text.slice(0, 40))}: ${String(error)}`)
        assert.match(error.code, /^SEARCH_/)
      }
    }
    await assert.rejects(search.search({ text: 'a'.repeat(10_000), page: 1, perPage: 5 }), {
      code: 'SEARCH_QUERY_TOO_LONG',
    })
    await assert.rejects(search.search({ text: 'NOT -', page: 1, perPage: 5 }), {
      code: 'SEARCH_QUERY_EMPTY',
    })
    await assert.rejects(
      search.search({ text: 'ferry', from: NOW, until: ago(1), page: 1, perPage: 5 }),
      {
        code: 'SEARCH_DATES_REVERSED',
      },
    )
    assert.deepEqual(await find('"unbalanced ferry'), [])
    assert.ok((await find('ferry"')).length > 0)
    assert.ok((await find('NEAR(ferry storm)')).length === 0)
    assert.deepEqual(await find('ferry\u0000storm'), ['Ferries halted as storm batters the coast'])
  })
})
