/** The front desk on every database: top stories order, Must-Read slots and expiry, the banner, the log. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Actor } from '../../src/accounts/permissions.js'
import { forEachDatabase } from '../helpers/databases.js'
import { type NewsroomFixture, newsroomFixture, NOW } from './newsroom-fixtures.js'
import { insertActor } from './story-desk-fixtures.js'

const MINUTE = 60_000

forEachDatabase('front desk', (t) => {
  /** A fixture with an editor, and the front emptied (the database is shared by the file's tests). */
  const setUp = async (): Promise<{ f: NewsroomFixture; editor: Actor }> => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    await f.newsroom.setPicks('top-stories', [])
    await f.newsroom.setPicks('must-reads', [])
    await f.newsroom.front.takeDownBanner(editor)
    f.bus.events.length = 0
    return { f, editor }
  }
  const topIds = async (f: NewsroomFixture, editor: Actor) =>
    (await f.newsroom.front.board(editor)).topStories.map((s) => s.articleId)

  test('top stories are added, moved up and down, reordered and removed, and the front follows', async () => {
    const { f, editor } = await setUp()
    const [a, b, c] = [await f.story(), await f.story(), await f.story()]
    f.bus.events.length = 0
    for (const story of [a, b, c]) await f.newsroom.front.addTopStory(editor, story.id)
    assert.deepEqual(await topIds(f, editor), [a.id, b.id, c.id])

    await f.newsroom.front.moveTopStory(editor, c.id, 'up')
    assert.deepEqual(await topIds(f, editor), [a.id, c.id, b.id])
    await f.newsroom.front.moveTopStory(editor, a.id, 'down')
    assert.deepEqual(await topIds(f, editor), [c.id, a.id, b.id])
    // The reader side reads the same order.
    assert.deepEqual(
      (await f.newsroom.pickedArticles('top-stories', 5)).map((s) => s.id),
      [c.id, a.id, b.id],
    )

    await f.newsroom.front.reorderTopStories(editor, [b.id, c.id, a.id])
    assert.deepEqual(await topIds(f, editor), [b.id, c.id, a.id])
    await f.newsroom.front.removeTopStory(editor, c.id)
    assert.deepEqual(await topIds(f, editor), [b.id, a.id])
    assert.ok(f.bus.events.every((e) => e.event === 'picks.changed'))
    assert.equal(
      f.bus.events.length,
      7,
      'one purge per change: 3 adds, 2 moves, a reorder, a removal',
    )
  })

  test('a move at the end changes nothing and announces nothing', async () => {
    const { f, editor } = await setUp()
    const [a, b] = [await f.story(), await f.story()]
    await f.newsroom.front.addTopStory(editor, a.id)
    await f.newsroom.front.addTopStory(editor, b.id)
    f.bus.events.length = 0
    await f.newsroom.front.moveTopStory(editor, a.id, 'up')
    await f.newsroom.front.moveTopStory(editor, b.id, 'down')
    assert.deepEqual(await topIds(f, editor), [a.id, b.id])
    assert.deepEqual(f.bus.events, [])
  })

  test('refusals carry their codes: unknown, duplicate, not listed, stale order, no permission', async () => {
    const { f, editor } = await setUp()
    const a = await f.story()
    await f.newsroom.front.addTopStory(editor, a.id)
    await assert.rejects(f.newsroom.front.addTopStory(editor, 999_999), {
      code: 'FRONT_STORY_UNKNOWN',
    })
    await assert.rejects(f.newsroom.front.addTopStory(editor, a.id), {
      code: 'FRONT_STORY_ALREADY_LISTED',
    })
    await assert.rejects(f.newsroom.front.moveTopStory(editor, a.id + 1000, 'up'), {
      code: 'FRONT_STORY_NOT_LISTED',
    })
    await assert.rejects(f.newsroom.front.reorderTopStories(editor, [a.id, a.id]), {
      code: 'FRONT_ORDER_MISMATCH',
    })
    const author = await insertActor(t.handle.db, 'author')
    await assert.rejects(f.newsroom.front.addTopStory(author, a.id), { kind: 'forbidden' })
    await assert.rejects(f.newsroom.front.board(author), { kind: 'forbidden' })
    await assert.rejects(
      f.newsroom.front.setBanner(author, {
        text: 'x',
        link: '',
        expiresAt: new Date(NOW.getTime() + MINUTE),
      }),
      { kind: 'forbidden' },
    )
  })

  test('Must-Read slots fill in order, a story sits in one slot, and an expired one is gone at once', async () => {
    const { f, editor } = await setUp()
    const [a, b, c] = [await f.story(), await f.story(), await f.story()]
    await f.newsroom.front.setMustRead(editor, 2, a.id, null)
    await f.newsroom.front.setMustRead(editor, 1, b.id, new Date(NOW.getTime() + 10 * MINUTE))
    await f.newsroom.front.setMustRead(editor, 4, c.id, null)
    const board = await f.newsroom.front.board(editor)
    assert.deepEqual(
      board.mustReads.map((p) => p?.articleId ?? null),
      [b.id, a.id, null, c.id, null],
    )
    assert.deepEqual(board.mustReads[0]?.expiresAt, new Date(NOW.getTime() + 10 * MINUTE))
    assert.deepEqual(
      (await f.newsroom.pickedArticles('must-reads', 5)).map((s) => s.id),
      [b.id, a.id, c.id],
    )

    // Picking a story again moves it to the new slot.
    await f.newsroom.front.setMustRead(editor, 5, a.id, null)
    assert.deepEqual(
      (await f.newsroom.front.board(editor)).mustReads.map((p) => p?.articleId ?? null),
      [b.id, null, null, c.id, a.id],
    )

    // Past its expiry the pick is no longer read, before any job runs.
    f.clock.advance(10 * MINUTE)
    assert.deepEqual(
      (await f.newsroom.pickedArticles('must-reads', 5)).map((s) => s.id),
      [c.id, a.id],
    )
    // The job clears it, logs it as automatic and announces it once.
    f.bus.events.length = 0
    assert.equal(await f.newsroom.front.expireDue(), 1)
    assert.equal(await f.newsroom.front.expireDue(), 0)
    assert.deepEqual(f.bus.events, [{ event: 'picks.changed', payload: { list: 'must-reads' } }])
    const after = await f.newsroom.front.board(editor)
    assert.equal(after.mustReads[0], null)
    assert.equal(after.changes[0]?.action, 'must-read.expire')
    assert.equal(after.changes[0]?.userId, null)

    await f.newsroom.front.clearMustRead(editor, 4)
    assert.equal((await f.newsroom.front.board(editor)).mustReads[3], null)
    await assert.rejects(f.newsroom.front.setMustRead(editor, 6, a.id, null), {
      code: 'FRONT_SLOT_INVALID',
    })
    await assert.rejects(
      f.newsroom.front.setMustRead(editor, 1, a.id, new Date(f.clock.nowMs() - 1)),
      { code: 'FRONT_EXPIRY_INVALID' },
    )
  })

  test('the banner shows until its expiry by the clock, is replaced or taken down, and each change is announced', async () => {
    const { f, editor } = await setUp()
    const expiresAt = new Date(NOW.getTime() + 30 * MINUTE)
    const up = await f.newsroom.front.setBanner(editor, {
      text: '  Storm   warning for the coast  ',
      link: '/world/storm',
      expiresAt,
    })
    assert.equal(up.text, 'Storm warning for the coast')
    assert.equal((await f.newsroom.front.currentBanner())?.id, up.id)

    const next = await f.newsroom.front.setBanner(editor, {
      text: 'Ferries cancelled',
      link: 'https://example.org/ferries',
      expiresAt,
    })
    assert.equal((await f.newsroom.front.currentBanner())?.text, 'Ferries cancelled')
    assert.equal((await f.newsroom.front.currentBanner())?.id, next.id)

    f.clock.advance(30 * MINUTE)
    assert.equal(await f.newsroom.front.currentBanner(), undefined, 'expired by the clock alone')
    f.bus.events.length = 0
    assert.equal(await f.newsroom.front.expireDue(), 1, 'only the banner still up expires')
    assert.equal(await f.newsroom.front.expireDue(), 0)
    assert.deepEqual(f.bus.events, [{ event: 'banner.changed', payload: { bannerId: next.id } }])

    await f.newsroom.front.setBanner(editor, {
      text: 'Bridge closed',
      link: '',
      expiresAt: new Date(f.clock.nowMs() + MINUTE),
    })
    assert.equal(await f.newsroom.front.takeDownBanner(editor), true)
    assert.equal(await f.newsroom.front.takeDownBanner(editor), false)
    assert.equal(await f.newsroom.front.currentBanner(), undefined)

    const changes = (await f.newsroom.front.board(editor)).changes.map((c) => c.action)
    assert.deepEqual(changes.slice(0, 5), [
      'banner.take-down',
      'banner.set',
      'banner.expire',
      'banner.set',
      'banner.set',
    ])
    assert.equal((await f.newsroom.front.board(editor)).changes[0]?.userName, editor.name)
  })

  test('banner input is checked: text, link and expiry', async () => {
    const { f, editor } = await setUp()
    const soon = new Date(NOW.getTime() + MINUTE)
    const set = (text: string, link: string, expiresAt = soon) =>
      f.newsroom.front.setBanner(editor, { text, link, expiresAt })
    await assert.rejects(set('   ', ''), { code: 'BANNER_TEXT_REQUIRED' })
    await assert.rejects(set('x'.repeat(301), ''), { code: 'BANNER_TEXT_TOO_LONG' })
    for (const link of ['javascript:alert(1)', '//evil.example/', 'not a link', 'ftp://x.org'])
      await assert.rejects(set('Storm', link), { code: 'BANNER_LINK_INVALID' }, link)
    await assert.rejects(set('Storm', '', new Date(NOW.getTime() - 1)), {
      code: 'FRONT_EXPIRY_INVALID',
    })
    await assert.rejects(set('Storm', '', new Date(NOW.getTime() + 8 * 24 * 60 * MINUTE)), {
      code: 'FRONT_EXPIRY_INVALID',
    })
    await assert.rejects(set('Storm', '', new Date(Number.NaN)), { code: 'FRONT_EXPIRY_INVALID' })
    assert.equal(await f.newsroom.front.currentBanner(), undefined)
  })
})
