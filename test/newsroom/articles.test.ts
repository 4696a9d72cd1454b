/** Writing stories on every database: slugs, validation, publishing, redirects and events. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { forEachDatabase } from '../helpers/databases.js'
import { insertPhoto, newsroomFixture, NOW, unique, uniqueSlug } from './newsroom-fixtures.js'

const HOUR = 3_600_000

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: { code?: string }) => {
    assert.equal(error.code, code)
    return true
  })
}

forEachDatabase('newsroom articles', (t) => {
  test('slugs come from the headline and are made unique with -2, -3', async () => {
    const f = await newsroomFixture(t.handle.db)
    const headline = unique('Typhoon nears the coast')
    const first = await f.story({ headline })
    const second = await f.story({ headline })
    const third = await f.story({ headline: `${headline}!` })
    assert.equal(second.slug, `${first.slug}-2`)
    assert.equal(third.slug, `${first.slug}-3`)
  })

  test('an explicit slug must be well formed and free', async () => {
    const f = await newsroomFixture(t.handle.db)
    const taken = await f.story()
    await rejectsWith(f.story({ slug: 'Not a slug' }), 'ARTICLE_SLUG_INVALID')
    await rejectsWith(f.story({ slug: taken.slug }), 'ARTICLE_SLUG_TAKEN')
    const custom = uniqueSlug('custom')
    assert.equal((await f.story({ slug: custom })).slug, custom)
  })

  test('unknown section, authors and photos are refused with their own codes', async () => {
    const f = await newsroomFixture(t.handle.db)
    await rejectsWith(f.story({ sectionId: 999_999 }), 'ARTICLE_SECTION_UNKNOWN')
    await rejectsWith(f.story({ authorIds: [] }), 'ARTICLE_AUTHORS_REQUIRED')
    await rejectsWith(f.story({ authorIds: [999_999] }), 'ARTICLE_AUTHOR_UNKNOWN')
    await rejectsWith(f.story({ leadPhotoId: 999_999 }), 'ARTICLE_LEAD_PHOTO_UNKNOWN')
    await rejectsWith(f.story({ bodyMarkdown: '![x](photo:999999)' }), 'ARTICLE_BODY_PHOTO_UNKNOWN')
    await rejectsWith(f.story({ headline: '  ' }), 'ARTICLE_HEADLINE_REQUIRED')
  })

  test('a saved body is rendered HTML with its photo figure and word count', async () => {
    const f = await newsroomFixture(t.handle.db)
    const photoId = await insertPhoto(t.handle.db, { credit: 'Reuters' })
    const article = await f.story({
      bodyMarkdown: `# Ports\n\nShips wait offshore.\n\n![Ships](photo:${photoId})`,
    })
    assert.match(article.bodyHtml, /<h2>Ports<\/h2>/)
    assert.match(article.bodyHtml, /<figure class="body-photo">/)
    assert.match(article.bodyHtml, /Photo: Reuters/)
    assert.equal(article.wordCount, 4)
  })

  test('drafts and future stories are invisible to readers until published', async () => {
    const f = await newsroomFixture(t.handle.db)
    const draft = await f.story({ status: 'draft', publishedAt: null })
    const future = await f.story({ publishedAt: new Date(NOW.getTime() + HOUR) })
    assert.equal(await f.newsroom.findPublishedArticle(draft.slug), undefined)
    assert.equal(await f.newsroom.findPublishedArticle(future.slug), undefined)
    const latest = await f.newsroom.latestArticles({ sectionId: f.section.id, limit: 10 })
    assert.deepEqual(latest, [])

    f.bus.events.length = 0
    const published = await f.newsroom.publishArticle(draft.id)
    assert.equal(published.status, 'published')
    assert.deepEqual(published.publishedAt, NOW)
    assert.equal((await f.newsroom.findPublishedArticle(draft.slug))?.kind, 'found')
    assert.deepEqual(f.bus.events, [
      {
        event: 'article.published',
        payload: {
          articleId: draft.id,
          slug: draft.slug,
          sectionSlug: f.section.slug,
          authorIds: [f.author.id],
          tagIds: [],
        },
      },
    ])

    f.clock.advance(2 * HOUR)
    assert.equal((await f.newsroom.findPublishedArticle(future.slug))?.kind, 'found')
  })

  test('publishing a published story is refused', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    await rejectsWith(f.newsroom.publishArticle(story.id), 'ARTICLE_TRANSITION_INVALID')
    await rejectsWith(f.newsroom.publishArticle(999_999), 'ARTICLE_NOT_FOUND')
  })

  test('a changed slug leaves the old one as a redirect and announces both', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story({ tagNames: ['Ports'] })
    const other = await f.newsroom.createSection({ name: unique('Other') })
    const newSlug = uniqueSlug('renamed story')
    f.bus.events.length = 0
    const updated = await f.newsroom.updateArticle(story.id, {
      slug: newSlug,
      sectionId: other.id,
      headline: 'Renamed',
    })
    assert.equal(updated.slug, newSlug)
    assert.deepEqual(updated.updatedAt, NOW)
    assert.deepEqual(await f.newsroom.findPublishedArticle(story.slug), {
      kind: 'moved',
      slug: newSlug,
      section: { slug: other.slug, name: other.name },
    })
    const event = f.bus.events[0]
    assert.equal(event?.event, 'article.updated')
    assert.deepEqual(event?.payload, {
      articleId: story.id,
      slug: newSlug,
      sectionSlug: other.slug,
      authorIds: [f.author.id],
      tagIds: story.tags.map((tag) => tag.id),
      previousSlug: story.slug,
      previousSectionSlug: f.section.slug,
    })
  })

  test('moving back to a former slug removes that redirect', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    const temporary = uniqueSlug('temporary')
    await f.newsroom.updateArticle(story.id, { slug: temporary })
    await f.newsroom.updateArticle(story.id, { slug: story.slug })
    assert.equal((await f.newsroom.findPublishedArticle(story.slug))?.kind, 'found')
    assert.equal((await f.newsroom.findPublishedArticle(temporary))?.kind, 'moved')
  })

  test('a new headline never reuses a former slug of another story', async () => {
    const f = await newsroomFixture(t.handle.db)
    const headline = unique('Bridge opens')
    const story = await f.story({ headline })
    await f.newsroom.updateArticle(story.id, { slug: `${story.slug}-moved` })
    const next = await f.story({ headline })
    assert.equal(next.slug, `${story.slug}-2`)
  })

  test('editing replaces tags and authors', async () => {
    const f = await newsroomFixture(t.handle.db)
    const second = await f.newsroom.createAuthor({ name: unique('Editor') })
    const story = await f.story({ tagNames: ['Fishing', 'Weather'] })
    const updated = await f.newsroom.updateArticle(story.id, {
      tagNames: ['Weather', 'Shipping'],
      authorIds: [second.id, f.author.id],
    })
    assert.deepEqual(
      updated.tags.map((tag) => tag.slug),
      ['shipping', 'weather'],
    )
    assert.deepEqual(
      updated.authors.map((a) => a.id),
      [second.id, f.author.id],
    )
  })
})
