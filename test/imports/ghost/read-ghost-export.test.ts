import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { readGhostExport } from '../../../src/imports/ghost/read-ghost-export.js'
import type { ImportedAuthor, ImportRecord, ImportedStory } from '../../../src/imports/types.js'
import { GHOST_IDS, ghostData, ghostExport } from './ghost-fixture.js'

async function* chunks(text: string | Buffer, size = 97): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function read(text: string | Buffer, publishedOnly = false): Promise<ImportRecord[]> {
  const records: ImportRecord[] = []
  for await (const record of readGhostExport({ open: () => chunks(text), publishedOnly }))
    records.push(record)
  return records
}

const stories = (records: ImportRecord[]) =>
  records.filter((r): r is ImportedStory => r.kind === 'story')
const byKind = (records: ImportRecord[], kind: ImportRecord['kind']) =>
  records.filter((r) => r.kind === kind)

describe('readGhostExport', () => {
  test('maps posts to stories with the primary tag as section, tags, byline order and old URL', async () => {
    const records = await read(ghostExport())
    const [ferry, rain, library] = stories(records)
    assert.equal(ferry?.headline, 'Harbour board approves new ferry timetable')
    assert.equal(ferry?.dek, 'Night crossings return in May.')
    assert.equal(ferry?.section, GHOST_IDS.tagNews)
    assert.deepEqual(ferry?.tags, ['Local News'])
    assert.deepEqual(ferry?.authors, [GHOST_IDS.userAna])
    assert.deepEqual(ferry?.oldUrls, ['/ferry-timetable/'])
    assert.equal(ferry?.publishedAt?.toISOString(), '2021-04-01T10:00:00.000Z')
    assert.equal(ferry?.updatedAt?.toISOString(), '2021-04-02T09:30:00.000Z')
    assert.equal(ferry?.status, 'published')
    assert.match(ferry?.body.text ?? '', /<strong>Tuesday<\/strong>/)
    // The first tag is internal (#featured): no primary tag, and internal tags are not imported.
    assert.equal(rain?.section, undefined)
    assert.deepEqual(rain?.tags, ['Weather'])
    assert.deepEqual(rain?.authors, [GHOST_IDS.userBo, GHOST_IDS.userAna])
    assert.match(rain?.body.text ?? '', /<h3>What comes next<\/h3>/)
    // posts_tags sort_order, not file order, decides the primary tag.
    assert.equal(library?.section, GHOST_IDS.tagNews)
    assert.deepEqual(library?.tags, ['Local News', 'Weather'])
    assert.equal(
      library?.body.text,
      '<p>The town library will open until <strong>9 pm</strong>.</p>',
    )
  })

  test('hands each section and author over once, before the first story that needs it', async () => {
    const records = await read(ghostExport())
    const order = records
      .filter((r) => r.kind !== 'skip' && r.kind !== 'malformed')
      .map((r) => `${r.kind}:${r.sourceId}`)
    assert.deepEqual(order, [
      `section:${GHOST_IDS.tagNews}`,
      `author:${GHOST_IDS.userAna}`,
      'story:p1',
      `author:${GHOST_IDS.userBo}`,
      'story:p2',
      'story:p3',
      'story:p5',
    ])
    const ana = records.find(
      (r): r is ImportedAuthor => r.kind === 'author' && r.sourceId === GHOST_IDS.userAna,
    )
    assert.deepEqual(ana && { name: ana.name, slug: ana.slug, bio: ana.bio }, {
      name: 'Ana Ferreira',
      slug: 'ana',
      bio: 'Covers the harbour.',
    })
  })

  test('skips pages, keeps drafts as drafts, and reports untitled posts and bad dates with their place', async () => {
    const records = await read(ghostExport())
    assert.deepEqual(
      byKind(records, 'skip').map((r) => r.kind === 'skip' && [r.place, r.reason]),
      [['db[0].data.posts[3] (id p4)', 'a page, not a story']],
    )
    assert.equal(stories(records).find((s) => s.sourceId === 'p5')?.status, 'draft')
    assert.deepEqual(
      byKind(records, 'malformed').map((r) => r.kind === 'malformed' && [r.place, r.reason]),
      [
        ['db[0].data.posts[5] (id p6)', 'a post without a title'],
        ['db[0].data.posts[6] (id p7)', 'bad date in published_at: "the fifth of May"'],
      ],
    )
  })

  test('--published-only skips drafts with the reason', async () => {
    const records = await read(ghostExport(), true)
    const skipped = byKind(records, 'skip').map((r) => r.kind === 'skip' && r.reason)
    assert.deepEqual(skipped, ['a page, not a story', 'draft, left out by --published-only'])
  })

  test('reads the bare { meta, data } shape and Ghost 3 exports', async () => {
    const bare = JSON.stringify({ meta: { version: '3.42.0' }, data: ghostData() })
    const records = await read(bare)
    assert.equal(stories(records).length, 4)
    assert.equal(byKind(records, 'malformed').length, 2)
  })

  test('a wrong JSON shape is reported, not thrown', async () => {
    const [only, ...rest] = await read('[1, 2, 3]')
    assert.equal(rest.length, 0)
    assert.equal(only?.kind, 'malformed')
    const wrongTable = await read(
      JSON.stringify({ db: [{ meta: { version: '5.0.0' }, data: { posts: {} } }] }),
    )
    assert.deepEqual(
      wrongTable.map((r) => r.kind === 'malformed' && r.place),
      ['db[0].data.posts'],
    )
  })

  test('an unsupported version is reported and the posts still import', async () => {
    const records = await read(ghostExport('2.38.0'))
    assert.equal(records[0]?.kind === 'malformed' && records[0].place, 'meta.version')
    assert.equal(stories(records).length, 4)
  })

  test('broken JSON after some posts: those posts import, the break is reported once with its byte', async () => {
    const text = ghostExport()
    const cut = text.indexOf('"id":"p4"')
    const records = await read(text.slice(0, cut) + '"id": ]]]')
    assert.equal(stories(records).length, 3)
    const broken = byKind(records, 'malformed').filter(
      (r) => r.kind === 'malformed' && r.place.startsWith('byte '),
    )
    assert.equal(broken.length, 1)
  })

  test('a post with invalid UTF-8 is reported; the others import', async () => {
    const text = ghostExport()
    const at = Buffer.from(text.slice(0, text.indexOf('Library extends')))
    const bytes = Buffer.concat([
      at,
      Buffer.from([0xc3, 0x28]),
      Buffer.from(text.slice(text.indexOf('Library extends'))),
    ])
    const records = await read(bytes)
    assert.deepEqual(
      byKind(records, 'malformed').map((r) => r.kind === 'malformed' && r.reason)[0],
      'invalid UTF-8 in the post',
    )
    assert.equal(stories(records).length, 3)
  })
})
