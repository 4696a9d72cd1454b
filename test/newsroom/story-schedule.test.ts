/** Scheduling and taking down on every database: on time, exactly once, and gone from every list. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { MastheadError } from '../../src/lib/errors.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, unique } from './newsroom-fixtures.js'
import { insertActor, secondNewsroom } from './story-desk-fixtures.js'

const MINUTE = 60_000

forEachDatabase('story scheduling and unpublishing', (t) => {
  test('a scheduled story stays hidden until due, then goes live once with one event', async () => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    const created = await f.newsroom.stories.create(editor, {
      headline: unique('Bridge reopens'),
      bodyMarkdown: 'Traffic flows again.',
      sectionId: f.section.id,
      authorIds: [f.author.id],
    })
    const at = new Date(f.clock.now().getTime() + 30 * MINUTE)
    await assert.rejects(
      f.newsroom.stories.schedule(editor, created.id, new Date(f.clock.now().getTime() - 1)),
      (e: MastheadError) => e.code === 'STORY_SCHEDULE_IN_PAST',
    )
    const scheduled = await f.newsroom.stories.schedule(editor, created.id, at)
    assert.equal(scheduled.status, 'scheduled')
    assert.equal(scheduled.publishedAt?.toISOString(), at.toISOString())
    assert.equal(await f.newsroom.resolvePublishedId(created.slug), undefined)

    f.clock.set(new Date(at.getTime() - 1000))
    assert.equal(await f.newsroom.stories.publishDue(), 0, 'not yet')

    // The server was down at the due time; it comes back two hours later and catches up.
    const restarted = secondNewsroom(t.handle.db, new Date(at.getTime() + 120 * MINUTE))
    assert.equal(await restarted.newsroom.stories.publishDue(), 1)
    assert.equal(await restarted.newsroom.stories.publishDue(), 0, 'never twice')
    assert.equal(await restarted.newsroom.resolvePublishedId(created.slug), created.id)
    const published = restarted.bus.events.filter((e) => e.event === 'article.published')
    assert.deepEqual(
      published.map((e) => (e.payload as { articleId: number }).articleId),
      [created.id],
    )
    const story = await restarted.newsroom.stories.get(editor, created.id)
    assert.equal(story.status, 'published')
    assert.equal(story.publishedAt?.toISOString(), at.toISOString(), 'dated when it was due')
    const events = await restarted.newsroom.stories.events(editor, created.id)
    assert.deepEqual(
      events.map((e) => [e.from, e.to, e.userId]),
      [
        [null, 'draft', editor.userId],
        ['draft', 'scheduled', editor.userId],
        ['scheduled', 'published', null],
      ],
    )
  })

  test('two processes publishing due stories at once publish each exactly once', async () => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    const at = new Date(f.clock.now().getTime() + MINUTE)
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      const story = await f.newsroom.stories.create(editor, {
        headline: unique('Race'),
        bodyMarkdown: 'x',
        sectionId: f.section.id,
        authorIds: [f.author.id],
      })
      await f.newsroom.stories.schedule(editor, story.id, at)
      ids.push(story.id)
    }
    const due = new Date(at.getTime() + 1000)
    const one = secondNewsroom(t.handle.db, due)
    const two = secondNewsroom(t.handle.db, due)
    const [a, b] = await Promise.all([
      one.newsroom.stories.publishDue(),
      two.newsroom.stories.publishDue(),
    ])
    assert.equal(a + b, 5)
    const announced = [...one.bus.events, ...two.bus.events]
      .filter((e) => e.event === 'article.published')
      .map((e) => (e.payload as { articleId: number }).articleId)
      .sort((x, y) => x - y)
    assert.deepEqual(announced, ids)
    const logged = await t.handle.db
      .selectFrom('article_events')
      .select('article_id')
      .where('article_id', 'in', ids)
      .where('to_status', '=', 'published')
      .execute()
    assert.equal(logged.length, 5, 'one workflow entry per story')
  })

  test('cancelling a schedule keeps the story from going live', async () => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    const story = await f.newsroom.stories.create(editor, {
      headline: unique('Maybe later'),
      bodyMarkdown: 'x',
      sectionId: f.section.id,
      authorIds: [f.author.id],
    })
    await f.newsroom.stories.schedule(editor, story.id, new Date(f.clock.now().getTime() + MINUTE))
    const back = await f.newsroom.stories.returnToDraft(editor, story.id)
    assert.equal(back.status, 'draft')
    assert.equal(back.publishedAt, null)
    const later = secondNewsroom(t.handle.db, new Date(f.clock.now().getTime() + 10 * MINUTE))
    await later.newsroom.stories.publishDue()
    assert.equal(await later.newsroom.resolvePublishedId(story.slug), undefined)
  })

  test('an unpublished story leaves every list at once and its address is gone (410)', async () => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    const live = await f.story({ headline: unique('Retracted claim') })
    const renamedFrom = live.slug
    await f.newsroom.stories.save(editor, live.id, 1, { slug: `${live.slug}-x` })
    assert.ok(
      (await f.newsroom.latestArticles({ sectionId: f.section.id, limit: 50 })).some(
        (s) => s.id === live.id,
      ),
    )

    const down = await f.newsroom.stories.unpublish(editor, live.id)
    assert.equal(down.status, 'unpublished')
    assert.equal(
      (await f.newsroom.latestArticles({ sectionId: f.section.id, limit: 50 })).some(
        (s) => s.id === live.id,
      ),
      false,
    )
    assert.equal(
      (await f.newsroom.listArticles({ authorId: f.author.id }, 1, 50)).items.some(
        (s) => s.id === live.id,
      ),
      false,
    )
    assert.deepEqual(await f.newsroom.summariesByIds([live.id]), [])
    assert.deepEqual(await f.newsroom.catalogueStories([live.id]), [])
    assert.equal(await f.newsroom.findPublishedArticle(`${live.slug}-x`), undefined)
    assert.equal(await f.newsroom.wasUnpublished(`${live.slug}-x`), true)
    assert.equal(await f.newsroom.wasUnpublished(renamedFrom), true, 'its former address too')
    assert.equal(await f.newsroom.wasUnpublished('never-existed-here'), false)
    const unpublished = f.bus.events.filter((e) => e.event === 'article.unpublished')
    assert.equal(unpublished.length, 1)
    assert.equal((unpublished[0]?.payload as { articleId: number }).articleId, live.id)

    // Put back, it keeps its first publication time.
    const back = await f.newsroom.stories.publish(editor, live.id)
    assert.equal(back.status, 'published')
    assert.equal(back.publishedAt?.toISOString(), live.publishedAt.toISOString())
    assert.equal(await f.newsroom.wasUnpublished(`${live.slug}-x`), false)
  })

  test('a changed slug or section keeps the old address pointing at the story', async () => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    const other = await f.newsroom.createSection({ name: unique('Section') })
    const live = await f.story({ headline: unique('Port strike') })
    const saved = await f.newsroom.stories.save(editor, live.id, 1, {
      slug: `${live.slug}-ends`,
      sectionId: other.id,
    })
    assert.equal(saved.section.slug, other.slug)
    const lookup = await f.newsroom.findPublishedArticle(live.slug)
    assert.deepEqual(lookup?.kind === 'moved' ? lookup : undefined, {
      kind: 'moved',
      slug: `${live.slug}-ends`,
      section: { slug: other.slug, name: other.name },
    })
    const updated = f.bus.events.filter((e) => e.event === 'article.updated').at(-1)?.payload as {
      previousSlug?: string
      previousSectionSlug?: string
    }
    assert.equal(updated.previousSlug, live.slug)
    assert.equal(updated.previousSectionSlug, f.section.slug)
  })
})
