/** The moderators' banned-word list, unbanning, and the events every action sends, on every database. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createComments } from '../../src/comments/index.js'
import type { CommentsConfig } from '../../src/config.js'
import { DEFAULT_COMMENTS_CONFIG } from '../../src/config.js'
import type { Db } from '../../src/db/database.js'
import { toDbTime } from '../../src/db/time-codec.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture } from '../newsroom/newsroom-fixtures.js'

async function setup(db: Db, config: Partial<CommentsConfig> = {}) {
  const f = await newsroomFixture(db)
  const build = () =>
    createComments({
      db,
      clock: f.clock,
      bus: f.bus,
      newsroom: f.newsroom,
      config: { ...DEFAULT_COMMENTS_CONFIG, ...config },
    })
  const comments = build()
  const story = await f.story()
  return { f, comments, story, build }
}

let readers = 0
/** A reader never seen before, at an address of their own. */
const newReader = () => {
  readers += 1
  return { address: `203.0.${100 + (readers >> 8)}.${readers & 255}`, userAgent: `bw-${readers}` }
}

forEachDatabase('banned words and unbanning', (t) => {
  test('a listed word holds a comment; case and accents are one entry; removing it lets comments through', async () => {
    const { comments, story } = await setup(t.handle.db)
    const post = (body: string) =>
      comments.post({ articleId: story.id, authorName: 'Ana', body, reader: newReader() })
    assert.equal((await post('What a rotter')).status, 'published')

    const added = await comments.moderation.addBannedWord('  RÖTTER ', '7')
    assert.deepEqual(added, { word: 'rotter', added: true })
    assert.deepEqual(await comments.moderation.addBannedWord('Rotter', '7'), {
      word: 'rotter',
      added: false,
    })
    await comments.moderation.addBannedWord('Utter  Cad', '7')
    const held = await post('What a rotter')
    assert.equal(held.status, 'held')
    assert.equal(held.holdReason, 'banned_word')
    assert.equal((await post('You UTTER cad!')).holdReason, 'banned_word')
    assert.equal((await post('utter nonsense, cad')).status, 'published', 'a phrase, in order')

    const { listed } = await comments.moderation.bannedWords()
    assert.deepEqual(
      listed.map((w) => [w.word, w.addedBy]),
      [
        ['rotter', '7'],
        ['utter cad', '7'],
      ],
    )
    await comments.moderation.removeBannedWord('ROTTER', '8')
    assert.equal((await post('What a rotter, again')).status, 'published')

    const log = await comments.moderation.auditLog({ limit: 10 })
    assert.deepEqual(
      log.filter((e) => e.action.startsWith('word:')).map((e) => [e.action, e.note, e.actor]),
      [
        ['word:removed', 'rotter', '8'],
        ['word:added', 'utter cad', '7'],
        ['word:added', 'rotter', '7'],
      ],
    )
  })

  test('the configured words apply as well and are listed apart', async () => {
    const { comments, story } = await setup(t.handle.db, { bannedWords: ['blackguard'] })
    await comments.moderation.addBannedWord('knave', 'cli')
    const lists = await comments.moderation.bannedWords()
    assert.deepEqual(lists.configured, ['blackguard'])
    const listed = lists.listed.map((w) => w.word)
    assert.ok(listed.includes('knave'))
    assert.ok(!listed.includes('blackguard'), 'configured words stay out of the database')
    for (const body of ['You blackguard', 'You knave']) {
      const posted = await comments.post({
        articleId: story.id,
        authorName: 'Ana',
        body,
        reader: newReader(),
      })
      assert.equal(posted.holdReason, 'banned_word', body)
    }
  })

  test('posting matches from memory: the list is read again only when the bus says it changed', async () => {
    const { f, comments, story, build } = await setup(t.handle.db)
    // A second service on the same bus stands for another process.
    const other = build()
    const post = (service: typeof comments, body: string) =>
      service.post({ articleId: story.id, authorName: 'Ana', body, reader: newReader() })
    assert.equal((await post(comments, 'a poltroon')).status, 'published') // loads the list

    // A row written behind the service's back is not seen: no query per post.
    await t.handle.db
      .insertInto('comment_banned_words')
      .values({ word: 'poltroon', added_by: 'test', created_at: toDbTime(f.clock.now()) })
      .execute()
    assert.equal((await post(comments, 'a poltroon again')).status, 'published')
    // …until the minute is up: a change from a process on no shared bus arrives then.
    f.clock.advance(61_000)
    assert.equal((await post(comments, 'a poltroon, a minute on')).holdReason, 'banned_word')
    await t.handle.db.deleteFrom('comment_banned_words').where('word', '=', 'poltroon').execute()

    // Any change announced on the bus makes every service read the list again.
    await other.moderation.addBannedWord('varlet', 'cli')
    assert.equal((await post(comments, 'a poltroon once more')).status, 'published')
    assert.equal((await post(comments, 'a varlet')).holdReason, 'banned_word')
    assert.ok(
      f.bus.events.some(
        (e) =>
          e.event === 'comment.banned_words.changed' &&
          JSON.stringify(e.payload) === JSON.stringify({ word: 'varlet', action: 'added' }),
      ),
    )
  })

  test('bad words and unknown removals are refused with their codes', async () => {
    const { comments } = await setup(t.handle.db)
    for (const bad of ['', '   ', '!!! ???', 'x'.repeat(101)])
      await assert.rejects(comments.moderation.addBannedWord(bad, 'cli'), {
        code: 'COMMENT_BANNED_WORD_INVALID',
        kind: 'invalid',
      })
    await assert.rejects(comments.moderation.removeBannedWord('never-listed', 'cli'), {
      code: 'COMMENT_BANNED_WORD_NOT_FOUND',
      kind: 'not_found',
    })
    await assert.rejects(comments.moderation.addBannedWord('fine', 'bad actor!'), {
      code: 'COMMENT_MODERATION_INVALID',
    })
  })

  test('banned readers are listed with the last name they used, and unbanning lets them back', async () => {
    const { comments, story } = await setup(t.handle.db)
    const reader = newReader()
    const first = await comments.post({
      articleId: story.id,
      authorName: 'Troll',
      body: 'First',
      reader,
    })
    await comments.moderation.banReader({ commentId: first.id }, '3', 'abuse')
    const bans = await comments.moderation.bannedReaders()
    assert.equal(bans.total, 1)
    const [ban] = bans.items
    assert.ok(ban)
    assert.deepEqual([ban.lastName, ban.reason, ban.bannedBy], ['Troll', 'abuse', '3'])
    assert.match(ban.readerHash, /^[0-9a-f]{64}$/)
    const spam = await comments.post({
      articleId: story.id,
      authorName: 'Troll',
      body: 'Second',
      reader,
    })
    assert.equal((await comments.moderation.queue({ filter: 'spam' })).items[0]?.id, spam.id)

    await comments.moderation.unbanReader(ban.readerHash, '3')
    assert.equal((await comments.moderation.bannedReaders()).total, 0)
    const back = await comments.post({
      articleId: story.id,
      authorName: 'Troll',
      body: 'Third',
      reader,
    })
    assert.equal(back.status, 'published')
    await assert.rejects(comments.moderation.unbanReader(ban.readerHash, '3'), {
      code: 'COMMENT_READER_NOT_BANNED',
      kind: 'not_found',
    })
    await assert.rejects(comments.moderation.unbanReader('xyz', '3'), {
      code: 'COMMENT_MODERATION_INVALID',
    })
    const log = await comments.moderation.auditLog({ limit: 2 })
    assert.deepEqual(
      log.map((e) => e.action),
      ['unbanned', 'banned'],
    )
  })

  test('every action on a comment announces comment.moderated for its story', async () => {
    const { f, comments, story } = await setup(t.handle.db)
    const ids: number[] = []
    for (const body of ['one', 'two', 'three', 'four']) {
      const posted = await comments.post({
        articleId: story.id,
        authorName: 'Ana',
        body,
        reader: newReader(),
      })
      ids.push(posted.id)
    }
    const [a, b, c, d] = ids as [number, number, number, number]
    f.bus.events.length = 0
    await comments.moderation.approve(a, '1')
    await comments.moderation.reject(b, '1')
    await comments.moderation.markSpam(c, '1')
    await comments.moderation.banReader({ commentId: d }, '1')
    assert.deepEqual(
      f.bus.events
        .filter((e) => e.event === 'comment.moderated')
        .map((e) => JSON.stringify(e.payload)),
      [
        { commentId: a, articleId: story.id, action: 'approved' },
        { commentId: b, articleId: story.id, action: 'rejected' },
        { commentId: c, articleId: story.id, action: 'spam' },
        { commentId: d, articleId: story.id, action: 'banned' },
      ].map((p) => JSON.stringify(p)),
    )
  })
})
