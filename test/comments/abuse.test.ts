/** Abuse controls on every database: reports per address, limits per address, atomic checks, ids, names. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createComments } from '../../src/comments/index.js'
import type { CommentsConfig } from '../../src/config.js'
import { DEFAULT_COMMENTS_CONFIG } from '../../src/config.js'
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
    reservedNames: async () => ({ site: ['The Harbour Ledger'], staff: [f.author.name] }),
  })
  const story = await f.story()
  return { f, comments, story }
}

let addresses = 0
/** An address no other test uses (the database is shared by the file's tests). */
const newAddress = () => {
  addresses += 1
  return `203.0.${113 + (addresses >> 8)}.${addresses & 255}`
}

forEachDatabase('comment abuse controls', (t) => {
  test('reports from one address count once, whatever the User-Agent, and hide nothing', async () => {
    const { comments, story } = await setup(t.handle.db, { reportsToHide: 3, reportsPerHour: 0 })
    const target = await comments.post({ articleId: story.id, authorName: 'R', body: 'fine' })
    const formToken = await comments.issueFormToken()
    const address = newAddress()
    const outcomes = []
    for (const agent of ['A', 'B', 'C', 'D', 'E']) {
      outcomes.push(await comments.report(target.id, { address, userAgent: agent }, { formToken }))
    }
    assert.deepEqual(outcomes, [
      'reported',
      'already_reported',
      'already_reported',
      'already_reported',
      'already_reported',
    ])
    assert.ok(await comments.findVisible(target.id), 'one address cannot hide a comment')
    // Hiding waits for distinct addresses.
    assert.equal(
      await comments.report(target.id, { address: newAddress(), userAgent: 'A' }, { formToken }),
      'reported',
    )
    assert.equal(
      await comments.report(target.id, { address: newAddress(), userAgent: 'A' }, { formToken }),
      'hidden',
    )
  })

  test('a report needs the page stamp', async () => {
    const { comments, story } = await setup(t.handle.db)
    const target = await comments.post({ articleId: story.id, authorName: 'R', body: 'x' })
    const reader = { address: newAddress(), userAgent: 'A' }
    for (const formToken of ['', 'forged', `${Date.now()}.${'A'.repeat(43)}`]) {
      await assert.rejects(comments.report(target.id, reader, { formToken }), {
        code: 'COMMENT_FORM_EXPIRED',
        kind: 'invalid',
      })
    }
    const count = await t.handle.db
      .selectFrom('comment_reports')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('comment_id', '=', target.id)
      .executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 0)
  })

  test('reports are limited per address and hour', async () => {
    const { f, comments, story } = await setup(t.handle.db, {
      reportsPerHour: 3,
      reportsToHide: 0,
    })
    const formToken = await comments.issueFormToken()
    const address = newAddress()
    const targets = []
    for (let i = 0; i < 5; i++) {
      targets.push(await comments.post({ articleId: story.id, authorName: 'R', body: `c${i}` }))
    }
    for (const [i, target] of targets.slice(0, 3).entries()) {
      const reader = { address, userAgent: `agent-${i}` }
      assert.equal(await comments.report(target.id, reader, { formToken }), 'reported')
    }
    await assert.rejects(
      comments.report(targets[3]?.id ?? 0, { address, userAgent: 'agent-9' }, { formToken }),
      { code: 'COMMENT_REPORT_RATE_LIMITED', kind: 'rate_limited' },
    )
    f.clock.advance(3_600_001)
    assert.equal(
      await comments.report(targets[3]?.id ?? 0, { address, userAgent: 'x' }, { formToken }),
      'reported',
    )
  })

  test('a comment a moderator approved is never hidden by reports again: it is queued', async () => {
    const { comments, story } = await setup(t.handle.db, { reportsToHide: 2 })
    const target = await comments.post({ articleId: story.id, authorName: 'R', body: 'sharp' })
    const formToken = await comments.issueFormToken()
    const report = () =>
      comments.report(target.id, { address: newAddress(), userAgent: 'A' }, { formToken })
    await report()
    assert.equal(await report(), 'hidden')
    await comments.moderation.approve(target.id, 'user-1')
    for (let i = 0; i < 4; i++) assert.equal(await report(), 'reported')
    assert.ok(await comments.findVisible(target.id), 'still shown after approval')
    const queue = await comments.moderation.queue({ filter: 'reported', articleId: story.id })
    assert.deepEqual(
      queue.items.map((c) => [c.id, c.status, c.reportCount]),
      [[target.id, 'published', 4]],
    )
  })

  test('comment limits count per address too: 20 User-Agents from one address post the limit', async () => {
    const { comments, story } = await setup(t.handle.db, {
      ratePerMinute: 5,
      addressRatePerMinute: 3,
      addressRatePerDay: 0,
    })
    const address = newAddress()
    const results = []
    for (let i = 0; i < 20; i++) {
      const reader = { address, userAgent: `Mozilla/5.0 flood-${i}` }
      results.push(
        await comments
          .post({ articleId: story.id, authorName: 'F', body: `post ${i}`, reader })
          .then(
            () => 'ok',
            (error: { code: string; details: { per?: string } }) =>
              `${error.code}:${error.details.per ?? ''}`,
          ),
      )
    }
    assert.equal(results.filter((r) => r === 'ok').length, 3)
    assert.equal(results.filter((r) => r === 'COMMENT_RATE_LIMITED:address').length, 17)
    // An IPv6 client counts by its /64: the next address in the network is the same client.
    const v6 = (host: number) => ({ address: `2001:db8:7:9::${host}`, userAgent: `ua-${host}` })
    let accepted = 0
    for (let host = 1; host <= 6; host++) {
      await comments
        .post({ articleId: story.id, authorName: 'F', body: `six ${host}`, reader: v6(host) })
        .then(() => (accepted += 1))
        .catch(() => undefined)
    }
    assert.equal(accepted, 3)
  })

  test('100 concurrent posts of one reader: exactly the limit is accepted', async () => {
    const { comments, story } = await setup(t.handle.db, {
      ratePerMinute: 5,
      addressRatePerMinute: 0,
      addressRatePerDay: 0,
    })
    const reader = { address: newAddress(), userAgent: 'Mozilla/5.0 racer' }
    const settled = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        comments.post({ articleId: story.id, authorName: 'Racer', body: `race ${i}`, reader }),
      ),
    )
    const accepted = settled.filter((s) => s.status === 'fulfilled').length
    const limited = settled.filter(
      (s) =>
        s.status === 'rejected' && (s.reason as { code?: string }).code === 'COMMENT_RATE_LIMITED',
    ).length
    assert.deepEqual({ accepted, limited }, { accepted: 5, limited: 95 })
  })

  test('identical concurrent posts are stored once', async () => {
    const { comments, story } = await setup(t.handle.db, { ratePerMinute: 0 })
    const reader = { address: newAddress(), userAgent: 'Mozilla/5.0 twin' }
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        comments.post({ articleId: story.id, authorName: 'Twin', body: 'same words', reader }),
      ),
    )
    assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 1)
    const stored = await t.handle.db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', story.id)
      .where('body', '=', 'same words')
      .execute()
    assert.equal(stored.length, 1)
  })

  test('ids beyond the integer column answer a clear 4xx code, never a database error', async () => {
    const { comments, story } = await setup(t.handle.db)
    for (const parentId of [2_147_483_648, 9_007_199_254_740_991, -1, 0]) {
      await assert.rejects(
        comments.post({ articleId: story.id, parentId, authorName: 'P', body: 'big' }),
        { code: 'COMMENT_PARENT_INVALID' },
      )
    }
    await assert.rejects(comments.post({ articleId: 2_147_483_648, authorName: 'P', body: 'b' }), {
      code: 'COMMENT_ARTICLE_NOT_FOUND',
    })
    const formToken = await comments.issueFormToken()
    await assert.rejects(
      comments.report(2_147_483_648, { address: newAddress(), userAgent: 'A' }, { formToken }),
      { code: 'COMMENT_NOT_FOUND' },
    )
  })

  test('names that imitate the site or a staff member, or hide characters, are refused', async () => {
    const { f, comments, story } = await setup(t.handle.db)
    const post = (authorName: string) =>
      comments.post({ articleId: story.id, authorName, body: 'hello' })
    const imitations = [
      'The Harbour Ledger',
      '\u0422he \u041d\u0430rbour Ledger',
      'THE HARBOUR LEDGER official',
      'The Harbour-Ledger',
      f.author.name.toUpperCase(),
    ]
    for (const name of imitations) {
      await assert.rejects(post(name), { code: 'COMMENT_NAME_RESERVED' }, name)
    }
    for (const hidden of ['Ana\u202Egnp', 'A\u200Bna', 'Ana\u{E0041}', 'An\u2066a', 'A\uFEFFna']) {
      await assert.rejects(post(hidden), {
        code: 'COMMENT_INVALID_CHARACTERS',
        details: { field: 'authorName' },
      })
    }
    assert.equal((await post('Ledger Reader')).status, 'published')
  })

  test('a lone surrogate is stored as U+FFFD and the comment returned is what was stored', async () => {
    const { comments, story } = await setup(t.handle.db)
    const posted = await comments.post({
      articleId: story.id,
      authorName: 'Sur\uD800',
      body: 'half \uDC00 a pair',
    })
    assert.equal(posted.body, 'half \uFFFD a pair')
    assert.equal(posted.authorName, 'Sur\uFFFD')
    const stored = await comments.findVisible(posted.id)
    assert.equal(stored?.body, posted.body)
    assert.equal(stored?.authorName, posted.authorName)
  })
})
