/** Posting and listing comments on every database: visibility, replies, validation codes. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createComments } from '../../src/comments/index.js'
import { DEFAULT_COMMENTS_CONFIG } from '../../src/config.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, NOW } from '../newsroom/newsroom-fixtures.js'
import type { Db } from '../../src/db/database.js'

async function setup(db: Db) {
  const f = await newsroomFixture(db)
  const comments = createComments({
    db,
    clock: f.clock,
    bus: f.bus,
    newsroom: f.newsroom,
    config: DEFAULT_COMMENTS_CONFIG,
  })
  const story = await f.story()
  return { f, comments, story }
}

forEachDatabase('comments', (t) => {
  test('a valid comment is stored trimmed, visible at once and announced', async () => {
    const { f, comments, story } = await setup(t.handle.db)
    f.bus.events.length = 0
    const { holdReason, ...comment } = await comments.post({
      articleId: story.id,
      authorName: '  Ana  ',
      authorEmail: 'ana@example.org',
      body: '  Thank you for this.  ',
    })
    assert.equal(holdReason, null)
    assert.equal(comment.authorName, 'Ana')
    assert.equal(comment.body, 'Thank you for this.')
    assert.equal(comment.status, 'published')
    assert.deepEqual(comment.createdAt, NOW)
    assert.equal(await comments.countVisible(story.id), 1)
    const listed = await comments.listVisible(story.id, { limit: 10 })
    assert.deepEqual(listed, [comment])
    assert.equal('authorEmail' in (listed[0] ?? {}), false)
    assert.deepEqual(f.bus.events, [
      {
        event: 'comment.posted',
        payload: { commentId: comment.id, articleId: story.id, visible: true },
      },
    ])
  })

  test('comments on drafts, future or unknown stories are refused as not found', async () => {
    const { f, comments } = await setup(t.handle.db)
    const draft = await f.story({ status: 'draft', publishedAt: null })
    const future = await f.story({ publishedAt: new Date(NOW.getTime() + 60_000) })
    for (const articleId of [draft.id, future.id, 999_999]) {
      await assert.rejects(comments.post({ articleId, authorName: 'Ana', body: 'Hi' }), {
        code: 'COMMENT_ARTICLE_NOT_FOUND',
        kind: 'not_found',
      })
    }
  })

  test('a reply goes under a visible top-level comment of the same story only', async () => {
    const { f, comments, story } = await setup(t.handle.db)
    const top = await comments.post({ articleId: story.id, authorName: 'Ana', body: 'First' })
    const reply = await comments.post({
      articleId: story.id,
      parentId: top.id,
      authorName: 'Ben',
      body: 'Agreed',
    })
    assert.equal(reply.parentId, top.id)
    await assert.rejects(
      comments.post({ articleId: story.id, parentId: reply.id, authorName: 'Cy', body: 'Deeper' }),
      { code: 'COMMENT_PARENT_INVALID' },
    )
    const elsewhere = await f.story()
    await assert.rejects(
      comments.post({
        articleId: elsewhere.id,
        parentId: top.id,
        authorName: 'Cy',
        body: 'Wrong story',
      }),
      { code: 'COMMENT_PARENT_INVALID' },
    )
    await assert.rejects(
      comments.post({ articleId: story.id, parentId: 999_999, authorName: 'Cy', body: 'Ghost' }),
      { code: 'COMMENT_PARENT_INVALID' },
    )
  })

  test('validation errors carry their code and field', async () => {
    const { comments, story } = await setup(t.handle.db)
    await assert.rejects(
      comments.post({ articleId: story.id, authorName: 'Ana', body: 'x'.repeat(301) }),
      {
        code: 'COMMENT_TOO_LONG',
        details: { field: 'body', max: 300, length: 301 },
      },
    )
    await assert.rejects(comments.post({ articleId: story.id, authorName: '', body: 'Hi' }), {
      code: 'COMMENT_NAME_REQUIRED',
    })
    assert.equal(await comments.countVisible(story.id), 0)
  })

  test('only published comments are listed, oldest first, bounded', async () => {
    const { f, comments, story } = await setup(t.handle.db)
    const first = await comments.post({ articleId: story.id, authorName: 'Ana', body: 'one' })
    f.clock.advance(60_000)
    const second = await comments.post({ articleId: story.id, authorName: 'Ben', body: 'two' })
    const early = await comments.post({
      articleId: story.id,
      authorName: 'Old',
      body: 'imported',
      createdAt: new Date(NOW.getTime() - 3_600_000),
    })
    await t.handle.db
      .updateTable('comments')
      .set({ status: 'spam' })
      .where('id', '=', second.id)
      .execute()
    assert.equal(await comments.countVisible(story.id), 2)
    assert.deepEqual(
      (await comments.listVisible(story.id, { limit: 10 })).map((c) => c.id),
      [early.id, first.id],
    )
    assert.deepEqual(
      (await comments.listVisible(story.id, { limit: 1, offset: 1 })).map((c) => c.id),
      [first.id],
    )
    assert.deepEqual(await comments.listVisible(story.id, { limit: Number.NaN }), [])
  })
})
