/** Moderation on every database: modes, holds, abuse limits, reports, bans, the queue and its log. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createComments } from '../../src/comments/index.js'
import { DEFAULT_COMMENTS_CONFIG } from '../../src/config.js'
import type { CommentsConfig } from '../../src/config.js'
import type { Db } from '../../src/db/database.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture } from '../newsroom/newsroom-fixtures.js'

async function setup(db: Db, config: Partial<CommentsConfig> = {}) {
  const f = await newsroomFixture(db)
  const comments = createComments({
    db,
    clock: f.clock,
    bus: f.bus,
    newsroom: f.newsroom,
    config: { ...DEFAULT_COMMENTS_CONFIG, ...config },
  })
  const story = await f.story()
  return { f, comments, story }
}

let readers = 0
/** A reader never seen before, at an address of their own. */
const newReader = () => {
  readers += 1
  return {
    address: `198.51.${100 + (readers >> 8)}.${readers & 255}`,
    userAgent: `reader-${readers}`,
  }
}

forEachDatabase('comment moderation', (t) => {
  test('the form stamp is refused when forged or too fresh, accepted after the minimum', async () => {
    const { f, comments, story } = await setup(t.handle.db, { minSubmitSeconds: 3 })
    const stamp = await comments.issueFormToken()
    const input = { articleId: story.id, authorName: 'Ana', body: 'Hello', reader: newReader() }
    await assert.rejects(comments.post(input, { formToken: stamp }), {
      code: 'COMMENT_SUBMITTED_TOO_FAST',
    })
    for (const forged of ['', 'x', `${Date.now()}.${'A'.repeat(43)}`, `${stamp}x`]) {
      await assert.rejects(comments.post(input, { formToken: forged }), {
        code: 'COMMENT_FORM_EXPIRED',
      })
    }
    f.clock.advance(3_000)
    assert.equal((await comments.post(input, { formToken: stamp })).status, 'published')
    f.clock.advance(25 * 3600_000)
    await assert.rejects(comments.post({ ...input, body: 'Later' }, { formToken: stamp }), {
      code: 'COMMENT_FORM_EXPIRED',
    })
    // The secret is shared: a second service on the same database accepts the first one's stamp.
    const other = createComments({
      db: t.handle.db,
      clock: f.clock,
      bus: f.bus,
      newsroom: f.newsroom,
      config: DEFAULT_COMMENTS_CONFIG,
    })
    const fresh = await comments.issueFormToken()
    f.clock.advance(5_000)
    assert.equal(
      (await other.post({ ...input, body: 'Shared' }, { formToken: fresh })).status,
      'published',
    )
  })

  test('rate limits per minute and per day answer rate_limited with the seconds to wait', async () => {
    const { f, comments, story } = await setup(t.handle.db, { ratePerMinute: 2, ratePerDay: 3 })
    const reader = newReader()
    const post = (body: string) =>
      comments.post({ articleId: story.id, authorName: 'Ana', body, reader })
    await post('one')
    f.clock.advance(10_000)
    await post('two')
    await assert.rejects(post('three'), {
      code: 'COMMENT_RATE_LIMITED',
      kind: 'rate_limited',
      details: { window: 'minute', limit: 2, retryAfterSeconds: 50, per: 'reader' },
    })
    // Another reader is not affected.
    await comments.post({
      articleId: story.id,
      authorName: 'Bo',
      body: 'three',
      reader: newReader(),
    })
    f.clock.advance(60_000)
    await post('three')
    f.clock.advance(60_000)
    await assert.rejects(post('four'), {
      details: { window: 'day', limit: 3, retryAfterSeconds: 86_270, per: 'reader' },
    })
  })

  test('an identical repeat within the window is refused; after it, it is accepted', async () => {
    const { f, comments, story } = await setup(t.handle.db)
    const reader = newReader()
    const input = { articleId: story.id, authorName: 'Ana', body: 'Same', reader }
    await comments.post(input)
    await assert.rejects(comments.post({ ...input, body: ' Same ' }), {
      code: 'COMMENT_DUPLICATE',
      kind: 'conflict',
    })
    const elsewhere = await f.story()
    await comments.post({ ...input, articleId: elsewhere.id })
    f.clock.advance(61 * 60_000)
    await comments.post(input)
  })

  test('premoderated and closed modes, per site and per story', async () => {
    const { f, comments, story } = await setup(t.handle.db, { mode: 'premoderated' })
    const held = await comments.post({ articleId: story.id, authorName: 'A', body: 'Hi' })
    assert.equal(held.status, 'held')
    assert.equal(await comments.modeFor(story.id), 'premoderated')
    await comments.moderation.setArticleMode(story.id, 'open', 'editor-1')
    assert.equal(
      (await comments.post({ articleId: story.id, authorName: 'A', body: 'Hey' })).status,
      'published',
    )
    await comments.moderation.setArticleMode(story.id, 'closed', 'editor-1')
    await assert.rejects(comments.post({ articleId: story.id, authorName: 'A', body: 'Yo' }), {
      code: 'COMMENTS_CLOSED',
      kind: 'forbidden',
    })
    await comments.moderation.setArticleMode(story.id, null, 'editor-1')
    assert.equal(await comments.modeFor(story.id), 'premoderated')
    await assert.rejects(comments.moderation.setArticleMode(999_999, 'open', 'x'), {
      kind: 'not_found',
    })
    assert.equal(await comments.modeFor(999_999), undefined)
    assert.ok(f.bus.events.some((e) => e.event === 'comment.moderated'))
  })

  test('a new reader’s first comment is held when the site says so', async () => {
    const { comments, story } = await setup(t.handle.db, { holdFirst: true })
    const reader = newReader()
    const first = await comments.post({ articleId: story.id, authorName: 'N', body: 'a', reader })
    assert.equal(first.status, 'held')
    const second = await comments.post({ articleId: story.id, authorName: 'N', body: 'b', reader })
    assert.equal(second.status, 'held')
    await comments.moderation.approve(first.id, 'cli')
    const third = await comments.post({ articleId: story.id, authorName: 'N', body: 'c', reader })
    assert.equal(third.status, 'published')
  })

  test('reports: one per reader, N hide the comment, approval restores it and is logged', async () => {
    const { f, comments, story } = await setup(t.handle.db, { reportsToHide: 2 })
    const target = await comments.post({ articleId: story.id, authorName: 'R', body: 'rude' })
    const reporter = newReader()
    const stamp = { formToken: await comments.issueFormToken() }
    assert.equal(await comments.report(target.id, reporter, stamp), 'reported')
    assert.equal(await comments.report(target.id, reporter, stamp), 'already_reported')
    assert.ok(await comments.findVisible(target.id))
    f.bus.events.length = 0
    assert.equal(await comments.report(target.id, newReader(), stamp), 'hidden')
    assert.equal(await comments.findVisible(target.id), undefined)
    assert.deepEqual(f.bus.events, [
      {
        event: 'comment.moderated',
        payload: { commentId: target.id, articleId: story.id, action: 'hidden' },
      },
    ])
    await assert.rejects(comments.report(target.id, newReader(), stamp), {
      code: 'COMMENT_NOT_FOUND',
    })
    const reported = await comments.moderation.queue({ filter: 'reported', articleId: story.id })
    assert.deepEqual(
      reported.items.map((c) => [c.id, c.reportCount, c.holdReason]),
      [[target.id, 2, 'reported']],
    )
    await comments.moderation.approve(target.id, 'user-7', 'fair comment')
    assert.ok(await comments.findVisible(target.id))
    assert.equal(
      (await comments.moderation.queue({ filter: 'reported', articleId: story.id })).total,
      0,
    )
    const log = await comments.moderation.auditLog({ commentId: target.id })
    assert.deepEqual(
      log.map((e) => [e.action, e.actor, e.note]),
      [
        ['approved', 'user-7', 'fair comment'],
        ['hidden', 'reports', '2 reports'],
      ],
    )
  })

  test('a banned reader is told "held" while the comment goes to spam', async () => {
    const { comments, story } = await setup(t.handle.db)
    const reader = newReader()
    const first = await comments.post({ articleId: story.id, authorName: 'B', body: 'x', reader })
    await comments.moderation.banReader({ commentId: first.id }, 'cli', 'abuse')
    const next = await comments.post({ articleId: story.id, authorName: 'B', body: 'y', reader })
    assert.equal(next.status, 'held')
    const spam = await comments.moderation.queue({ filter: 'spam', articleId: story.id })
    assert.deepEqual(
      spam.items.map((c) => [c.id, c.holdReason, c.readerBanned]),
      [[next.id, 'banned_reader', true]],
    )
    assert.equal(
      (await comments.moderation.queue({ filter: 'held', articleId: story.id })).total,
      0,
    )
    const imported = await comments.post({ articleId: story.id, authorName: 'I', body: 'old' })
    await assert.rejects(comments.moderation.banReader({ commentId: imported.id }, 'cli'), {
      code: 'COMMENT_MODERATION_INVALID',
    })
    await assert.rejects(comments.moderation.banReader({ readerHash: 'nope' }, 'cli'), {
      code: 'COMMENT_MODERATION_INVALID',
    })
    await assert.rejects(comments.moderation.approve(first.id, 'bad actor!'), {
      code: 'COMMENT_MODERATION_INVALID',
    })
  })

  test('no address is stored: reader hashes are 64 hex characters', async () => {
    const { comments, story } = await setup(t.handle.db)
    const reader = { address: '203.0.113.99', userAgent: 'Agent/1' }
    const c = await comments.post({ articleId: story.id, authorName: 'P', body: 'p', reader })
    const row = await t.handle.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow()
    assert.match(row.reader_hash ?? '', /^[0-9a-f]{64}$/)
    assert.ok(!JSON.stringify(row).includes('203.0.113.99'))
  })

  test('approve, reject and spam change what readers see and announce it; queue pages', async () => {
    const { f, comments, story } = await setup(t.handle.db, { mode: 'premoderated' })
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      ids.push((await comments.post({ articleId: story.id, authorName: 'Q', body: `q${i}` })).id)
      f.clock.advance(1000)
    }
    const page2 = await comments.moderation.queue({
      filter: 'held',
      articleId: story.id,
      page: 2,
      perPage: 2,
    })
    assert.deepEqual(
      page2.items.map((c) => c.id),
      ids.slice(2, 4),
    )
    assert.equal(page2.totalPages, 3)
    const [a, r, s] = ids as [number, number, number]
    f.bus.events.length = 0
    await comments.moderation.approve(a, 'cli')
    await comments.moderation.reject(r, 'cli')
    await comments.moderation.markSpam(s, 'cli')
    assert.equal(await comments.countVisible(story.id), 1)
    assert.deepEqual(
      f.bus.events.map((e) => e.payload),
      [
        { commentId: a, articleId: story.id, action: 'approved' },
        { commentId: r, articleId: story.id, action: 'rejected' },
        { commentId: s, articleId: story.id, action: 'spam' },
      ],
    )
    await assert.rejects(comments.moderation.approve(999_999, 'cli'), { code: 'COMMENT_NOT_FOUND' })
  })

  test('threads: newest or oldest first, replies nested, counts include replies', async () => {
    const { f, comments, story } = await setup(t.handle.db)
    const a = await comments.post({ articleId: story.id, authorName: 'A', body: 'a' })
    f.clock.advance(1000)
    const b = await comments.post({ articleId: story.id, authorName: 'B', body: 'b' })
    f.clock.advance(1000)
    const r = await comments.post({
      articleId: story.id,
      parentId: a.id,
      authorName: 'R',
      body: 'r',
    })
    const newest = await comments.listThreads(story.id)
    assert.deepEqual(
      newest.threads.map((th) => [th.id, th.replies.map((x) => x.id)]),
      [
        [b.id, []],
        [a.id, [r.id]],
      ],
    )
    assert.equal(newest.totalComments, 3)
    assert.equal(newest.totalThreads, 2)
    const oldest = await comments.listThreads(story.id, { order: 'oldest', perPage: 1, page: 2 })
    assert.deepEqual(
      oldest.threads.map((th) => th.id),
      [b.id],
    )
    assert.equal(oldest.totalPages, 2)
  })
})
