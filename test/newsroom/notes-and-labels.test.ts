/** Story labels and correction/update notes on every database: rules, permissions, times, events, listing. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Actor } from '../../src/accounts/index.js'
import { storyDates } from '../../src/newsroom/index.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, NOW } from './newsroom-fixtures.js'

const HOUR = 3_600_000
const EDITOR: Actor = { userId: 0, role: 'editor', name: 'Desk editor' }

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: { code?: string }) => {
    assert.equal(error.code, code)
    return true
  })
}

forEachDatabase('newsroom labels and notes', (t) => {
  test('a story is news unless labelled; the label is kept, changed, and shown in summaries', async () => {
    const f = await newsroomFixture(t.handle.db)
    const plain = await f.story()
    assert.equal(plain.label, 'news')
    const opinion = await f.story({ label: 'opinion' })
    assert.equal(opinion.label, 'opinion')
    const changed = await f.newsroom.updateArticle(opinion.id, { label: 'sponsored' })
    assert.equal(changed.label, 'sponsored')
    // A label is not a change of what the story says: no "Updated" time.
    assert.equal(changed.updatedAt, null)
    const [summary] = await f.newsroom.summariesByIds([opinion.id])
    assert.equal(summary?.label, 'sponsored')
    await rejectsWith(f.story({ label: 'gossip' as 'news' }), 'ARTICLE_LABEL_INVALID')
    await rejectsWith(
      f.newsroom.updateArticle(plain.id, { label: '' as 'news' }),
      'ARTICLE_LABEL_INVALID',
    )
  })

  test('an editor adds a correction: the story shows it, is updated now, and is announced', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story({ publishedAt: new Date(NOW.getTime() - 5 * HOUR) })
    f.clock.advance(HOUR)
    f.bus.events.length = 0
    const note = await f.newsroom.addArticleNote(EDITOR, story.id, {
      kind: 'correction',
      text: '  An earlier version gave the\n wrong berth   number. ',
    })
    assert.equal(note.kind, 'correction')
    assert.equal(note.text, 'An earlier version gave the wrong berth number.')
    assert.deepEqual(note.createdAt, new Date(NOW.getTime() + HOUR))

    const found = await f.newsroom.findPublishedArticle(story.slug)
    assert.equal(found?.kind, 'found')
    if (found?.kind !== 'found') return
    assert.deepEqual(found.article.notes, [note])
    assert.deepEqual(found.article.updatedAt, note.createdAt)
    assert.deepEqual(storyDates(found.article).modified, note.createdAt)
    assert.deepEqual(f.bus.events, [
      {
        event: 'article.updated',
        payload: {
          articleId: story.id,
          slug: story.slug,
          sectionSlug: f.section.slug,
          authorIds: [f.author.id],
          tagIds: [],
        },
      },
    ])

    f.clock.advance(HOUR)
    const update = await f.newsroom.addArticleNote(EDITOR, story.id, {
      kind: 'update',
      text: 'The port authority has since confirmed the figures.',
    })
    const again = await f.newsroom.findPublishedArticle(story.slug)
    assert.deepEqual(again?.kind === 'found' ? again.article.notes.map((n) => n.id) : [], [
      note.id,
      update.id,
    ])
  })

  test('only the desk may add notes, only to published stories, with real text and a known kind', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    const note = { kind: 'correction', text: 'Fixed a name.' }
    for (const role of ['author', 'contributor', 'moderator'] as const) {
      await rejectsWith(
        f.newsroom.addArticleNote({ userId: 5, role, name: 'Someone' }, story.id, note),
        'ACCESS_FORBIDDEN',
      )
    }
    const draft = await f.story({ status: 'draft', publishedAt: null })
    await rejectsWith(f.newsroom.addArticleNote(EDITOR, draft.id, note), 'NOTE_STORY_NOT_PUBLISHED')
    const future = await f.story({ publishedAt: new Date(NOW.getTime() + HOUR) })
    await rejectsWith(
      f.newsroom.addArticleNote(EDITOR, future.id, note),
      'NOTE_STORY_NOT_PUBLISHED',
    )
    await rejectsWith(f.newsroom.addArticleNote(EDITOR, 999_999, note), 'ARTICLE_NOT_FOUND')
    await rejectsWith(
      f.newsroom.addArticleNote(EDITOR, story.id, { kind: 'retraction', text: 'x' }),
      'NOTE_KIND_INVALID',
    )
    await rejectsWith(
      f.newsroom.addArticleNote(EDITOR, story.id, { kind: 'update', text: ' \n ' }),
      'NOTE_TEXT_REQUIRED',
    )
    await rejectsWith(
      f.newsroom.addArticleNote(EDITOR, story.id, { kind: 'update', text: 'x'.repeat(2001) }),
      'NOTE_TEXT_TOO_LONG',
    )
    const admin = await f.newsroom.addArticleNote(
      { userId: 0, role: 'admin', name: 'Admin' },
      story.id,
      note,
    )
    assert.equal(admin.text, 'Fixed a name.')
  })

  test('the corrections list holds corrections of visible stories only, newest first, paginated', async () => {
    const f = await newsroomFixture(t.handle.db)
    const before = await f.newsroom.listCorrections(1, 1000)
    const a = await f.story()
    const b = await f.story()
    // Later than any note the other tests add to this shared database.
    f.clock.advance(30 * 24 * HOUR)
    const first = await f.newsroom.addArticleNote(EDITOR, a.id, { kind: 'correction', text: 'A' })
    f.clock.advance(60_000)
    await f.newsroom.addArticleNote(EDITOR, a.id, { kind: 'update', text: 'not a correction' })
    f.clock.advance(60_000)
    const second = await f.newsroom.addArticleNote(EDITOR, b.id, { kind: 'correction', text: 'B' })
    const after = await f.newsroom.listCorrections(1, 2)
    assert.equal(after.total, before.total + 2)
    assert.equal(after.perPage, 2)
    assert.deepEqual(
      after.items.map((e) => [e.note.id, e.story.id, e.story.section.slug]),
      [
        [second.id, b.id, f.section.slug],
        [first.id, a.id, f.section.slug],
      ],
    )
    // A story taken back to draft leaves the list with its corrections.
    await f.newsroom.updateArticle(b.id, {})
    await t.handle.db
      .updateTable('articles')
      .set({ status: 'draft' })
      .where('id', '=', b.id)
      .execute()
    const hidden = await f.newsroom.listCorrections(1, 1000)
    assert.equal(hidden.total, before.total + 1)
    assert.ok(!hidden.items.some((e) => e.story.id === b.id))
    // Out-of-range paging never becomes an unbounded or negative query.
    const odd = await f.newsroom.listCorrections(-3, 10_000)
    assert.equal(odd.page, 1)
    assert.equal(odd.perPage, 100)
  })
})

test('storyDates: one rule for published, modified and updated', () => {
  const publishedAt = new Date('2026-03-03T06:00:00Z')
  assert.deepEqual(storyDates({ publishedAt, updatedAt: null }), {
    published: publishedAt,
    modified: publishedAt,
    updated: null,
  })
  const updatedAt = new Date('2026-03-03T06:37:00Z')
  assert.deepEqual(storyDates({ publishedAt, updatedAt }), {
    published: publishedAt,
    modified: updatedAt,
    updated: updatedAt,
  })
  // An update stamped before publication (a back-dated import) is not shown.
  const early = new Date('2026-03-02T06:00:00Z')
  assert.deepEqual(storyDates({ publishedAt, updatedAt: early }).updated, null)
  assert.deepEqual(storyDates({ publishedAt, updatedAt: early }).modified, publishedAt)
})
