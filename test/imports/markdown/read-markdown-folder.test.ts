import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, describe, test } from 'node:test'
import { readMarkdownFolder } from '../../../src/imports/markdown/read-markdown-folder.js'
import type { ImportRecord, ImportedStory } from '../../../src/imports/types.js'
import { writeMarkdownFolder } from './markdown-fixture.js'

describe('readMarkdownFolder', () => {
  const root = writeMarkdownFolder()
  after(() => fs.rmSync(root, { recursive: true, force: true }))

  const readAll = async (): Promise<ImportRecord[]> => {
    const records: ImportRecord[] = []
    for await (const record of readMarkdownFolder(root)) records.push(record)
    return records
  }
  const story = (records: ImportRecord[], id: string) =>
    records.find((r): r is ImportedStory => r.kind === 'story' && r.sourceId === id)

  test('maps front matter to a story keyed by its relative path', async () => {
    const bridge = story(await readAll(), 'posts/2024-03-05-bridge-reopens.md')
    assert.ok(bridge)
    assert.equal(bridge.headline, 'Old bridge reopens after "long" repairs')
    assert.equal(bridge.dek, 'Traffic returns to the river crossing on Monday.')
    assert.equal(bridge.section, 'section:local-news')
    assert.deepEqual(bridge.tags, ['transport', 'roads, bridges', 'river'])
    assert.deepEqual(bridge.authors, ['author:mira-santos'])
    assert.equal(bridge.publishedAt?.toISOString(), '2024-03-05T14:30:00.000Z')
    assert.equal(bridge.updatedAt?.toISOString(), '2024-03-06T06:00:00.000Z')
    assert.equal(bridge.slug, 'bridge-reopens')
    assert.equal(bridge.status, 'published')
    assert.deepEqual(bridge.oldUrls, ['/2024/03/bridge-reopens/', '/news/bridge.html'])
    assert.deepEqual(bridge.body, {
      format: 'markdown',
      text: 'The **bridge** reopens on Monday.\n\nIt was closed for eight months.',
    })
  })

  test('a page bundle takes its folder name as slug; drafts, folded deks and comma tags are read', async () => {
    const rain = story(await readAll(), 'posts/rain/index.md')
    assert.equal(rain?.slug, 'rain')
    assert.equal(rain?.status, 'draft')
    assert.equal(rain?.dek, 'Forecasters expect heavy rain on Saturday.')
    assert.equal(rain?.section, 'section:weather')
    assert.deepEqual(rain?.tags, ['weather', 'storms'])
    assert.deepEqual(rain?.authors, ['author:mira-santos', 'author:jon-okafor'])
  })

  test('sections and authors come once, before the first story that names them', async () => {
    const records = await readAll()
    const order = records
      .filter((r) => r.kind === 'section' || r.kind === 'author' || r.kind === 'story')
      .map((r) => r.sourceId)
    assert.deepEqual(order, [
      'section:local-news',
      'author:mira-santos',
      'posts/2024-03-05-bridge-reopens.md',
      'section:weather',
      'author:jon-okafor',
      'posts/rain/index.md',
    ])
  })

  test('reports bad files with place and reason, skips other files, passes over hidden folders', async () => {
    const records = await readAll()
    const problems = records.flatMap((r) =>
      r.kind === 'malformed' ? [`${r.place}: ${r.reason}`] : [],
    )
    assert.deepEqual(problems, [
      'notes/bad-date.md: bad date in date: "2024-02-30"',
      'notes/latin1.md: invalid UTF-8',
      'notes/no-title.md: no title in the front matter',
      'notes/plain.md:1: no front matter: the file must start with a "---" line',
      'notes/unclosed.md:1: the front matter is never closed by a "---" line',
    ])
    const skipped = records.flatMap((r) => (r.kind === 'skip' ? [r.place] : []))
    assert.deepEqual(skipped, ['README.txt', 'posts/rain/map.png'])
  })
})
