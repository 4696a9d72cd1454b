/** The Content API's reading on every database: keyset pages, time windows, tags, authors. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, NOW, unique } from './newsroom-fixtures.js'

const MINUTE = 60_000

forEachDatabase('content queries', (t) => {
  test('keyset pages walk every visible story once, newest first, ties broken by id', async () => {
    const f = await newsroomFixture(t.handle.db)
    const ids: number[] = []
    // Two stories share each publication time, so the id decides inside a tie.
    for (let i = 0; i < 7; i++) {
      const story = await f.story({
        publishedAt: new Date(NOW.getTime() - (10 + Math.floor(i / 2)) * MINUTE),
      })
      ids.push(story.id)
    }
    await f.story({ status: 'draft', publishedAt: null })
    await f.story({ publishedAt: new Date(NOW.getTime() + 10 * MINUTE) }) // not yet
    const filter = { sectionId: f.section.id }
    const seen: number[] = []
    let after: { publishedAt: Date; id: number } | undefined
    for (let guard = 0; guard < 10; guard++) {
      const page = await f.newsroom.contentPage({ filter, limit: 3, ...(after ? { after } : {}) })
      seen.push(...page.map((s) => s.id))
      const last = page.at(-1)
      if (page.length < 3 || last === undefined) break
      after = { publishedAt: last.publishedAt, id: last.id }
    }
    const expected = ids
      .map((id, i) => ({ id, at: 10 + Math.floor(i / 2) }))
      .sort((a, b) => a.at - b.at || b.id - a.id)
      .map((s) => s.id)
    assert.deepEqual(seen, expected)
  })

  test('since and until bound the publication time; tags and authors filter', async () => {
    const f = await newsroomFixture(t.handle.db)
    const old = await f.story({ publishedAt: new Date(NOW.getTime() - 300 * MINUTE) })
    const mid = await f.story({
      publishedAt: new Date(NOW.getTime() - 120 * MINUTE),
      tagNames: [unique('Ferries')],
    })
    const recent = await f.story({ publishedAt: new Date(NOW.getTime() - 5 * MINUTE) })
    const filter = { sectionId: f.section.id }
    const window = await f.newsroom.contentPage({
      filter,
      since: new Date(NOW.getTime() - 200 * MINUTE),
      until: new Date(NOW.getTime() - 5 * MINUTE),
      limit: 10,
    })
    assert.deepEqual(
      window.map((s) => s.id),
      [mid.id],
    )
    const tagId = mid.tags[0]?.id ?? 0
    const tagged = await f.newsroom.contentPage({ filter: { tagId }, limit: 10 })
    assert.deepEqual(
      tagged.map((s) => s.id),
      [mid.id],
    )
    const byAuthor = await f.newsroom.contentPage({ filter: { authorId: f.author.id }, limit: 10 })
    assert.deepEqual(
      byAuthor.map((s) => s.id),
      [recent.id, mid.id, old.id],
    )
    const tags = await f.newsroom.tagsByArticle([mid.id, old.id])
    assert.deepEqual(
      tags.get(mid.id)?.map((tag) => tag.id),
      [tagId],
    )
    assert.equal(tags.get(old.id), undefined)
  })

  test('tags in use and authors count only visible stories; the Markdown source is kept', async () => {
    const f = await newsroomFixture(t.handle.db)
    const name = unique('Lighthouses')
    const story = await f.story({ tagNames: [name], bodyMarkdown: 'The **lamp** turns.' })
    await f.story({ tagNames: [name], status: 'draft', publishedAt: null })
    const tag = (await f.newsroom.tagsInUse()).find((t) => t.name === name)
    assert.equal(tag?.stories, 1)
    const author = (await f.newsroom.authorsWithCounts()).find((a) => a.id === f.author.id)
    assert.equal(author?.stories, 1)
    assert.equal(await f.newsroom.markdownOf(story.id), 'The **lamp** turns.')
    assert.equal(await f.newsroom.markdownOf(2_000_000_000), undefined)
  })
})
