/** The story desk on every database: roles, versions and conflicts, revisions, the workflow log. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Actor } from '../../src/accounts/permissions.js'
import type { MastheadError } from '../../src/lib/errors.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, type NewsroomFixture, unique, uniqueSlug } from './newsroom-fixtures.js'
import { insertActor, linkAuthor } from './story-desk-fixtures.js'

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<MastheadError> {
  let caught: MastheadError | undefined
  await assert.rejects(promise, (error: MastheadError) => {
    assert.equal(error.code, code, error.message)
    caught = error
    return true
  })
  return caught as MastheadError
}

/** A draft written by `actor` in the fixture's section. */
function draft(f: NewsroomFixture, actor: Actor, body = 'First line.\nSecond line.') {
  return f.newsroom.stories.create(actor, {
    headline: unique('Council votes'),
    bodyMarkdown: body,
    sectionId: f.section.id,
    authorIds: [f.author.id],
  })
}

forEachDatabase('story desk', (t) => {
  test('a new story is a draft owned by its creator, with revision 1 and a logged creation', async () => {
    const f = await newsroomFixture(t.handle.db)
    const writer = await insertActor(t.handle.db, 'author')
    const story = await draft(f, writer)
    assert.equal(story.status, 'draft')
    assert.equal(story.version, 1)
    assert.equal(story.createdBy, writer.userId)
    assert.deepEqual(story.ownerUserIds, [writer.userId])
    assert.equal(story.actions.edit, true)
    assert.equal(story.actions.submit, true)
    assert.equal(story.actions.publish, false, 'authors may not publish by default')
    const revisions = await f.newsroom.stories.revisions(writer, story.id)
    assert.deepEqual(
      revisions.map((r) => [r.version, r.userId, r.userName]),
      [[1, writer.userId, writer.name]],
    )
    const events = await f.newsroom.stories.events(writer, story.id)
    assert.deepEqual(
      events.map((e) => [e.from, e.to, e.userId]),
      [[null, 'draft', writer.userId]],
    )
  })

  test('the workflow matrix: who may save, submit, schedule, publish and unpublish', async () => {
    const f = await newsroomFixture(t.handle.db)
    const db = t.handle.db
    const [admin, editor, owner, otherAuthor, contributor, moderator] = await Promise.all([
      insertActor(db, 'admin'),
      insertActor(db, 'editor'),
      insertActor(db, 'author'),
      insertActor(db, 'author'),
      insertActor(db, 'contributor'),
      insertActor(db, 'moderator'),
    ])
    const later = new Date(f.clock.now().getTime() + 3_600_000)
    type Step = (a: Actor, id: number, version: number) => Promise<unknown>
    const steps: Record<string, Step> = {
      save: (a, id, v) => f.newsroom.stories.save(a, id, v, { dek: unique('dek') }),
      submit: (a, id) => f.newsroom.stories.submit(a, id),
      schedule: (a, id) => f.newsroom.stories.schedule(a, id, later),
      publish: (a, id) => f.newsroom.stories.publish(a, id),
    }
    // Expected outcome of each step on a fresh draft owned by `owner` (Y allowed, - forbidden).
    const matrix: [string, Actor, string][] = [
      //               save submit schedule publish
      ['admin', admin, 'YYYY'],
      ['editor', editor, 'YYYY'],
      ['owning author', owner, 'YY--'],
      ['other author', otherAuthor, '----'],
      ['moderator', moderator, '----'],
    ]
    for (const [label, actor, expected] of matrix) {
      for (const [index, [name, step]] of Object.entries(steps).entries()) {
        const story = await draft(f, owner)
        const outcome = await step(actor, story.id, story.version).then(
          () => 'Y',
          (error: MastheadError) => {
            assert.equal(error.code, 'ACCESS_FORBIDDEN', `${label} ${name}: ${error.message}`)
            return '-'
          },
        )
        assert.equal(
          outcome,
          expected[index],
          `${label} may ${expected[index] === 'Y' ? '' : 'not '}${name}`,
        )
      }
    }

    // A contributor works on their own drafts only: once submitted, the draft is out of their hands.
    const own = await draft(f, contributor)
    await f.newsroom.stories.save(contributor, own.id, own.version, { dek: 'Fixed' })
    await rejectsWith(f.newsroom.stories.submit(contributor, own.id), 'ACCESS_FORBIDDEN')
    await rejectsWith(f.newsroom.stories.publish(contributor, own.id), 'ACCESS_FORBIDDEN')
    const submitted = await f.newsroom.stories.submit(editor, own.id)
    await rejectsWith(
      f.newsroom.stories.save(contributor, own.id, submitted.version, { dek: 'Again' }),
      'ACCESS_FORBIDDEN',
    )
    await rejectsWith(
      f.newsroom.stories.save(contributor, (await draft(f, owner)).id, 1, { dek: 'x' }),
      'ACCESS_FORBIDDEN',
    )
    await rejectsWith(f.newsroom.stories.list(moderator, {}, 1, 10), 'ACCESS_FORBIDDEN')

    // Only the desk takes a live story down.
    const live = await f.newsroom.stories.publish(editor, (await draft(f, owner)).id)
    await rejectsWith(f.newsroom.stories.unpublish(owner, live.id), 'ACCESS_FORBIDDEN')
    assert.equal((await f.newsroom.stories.unpublish(editor, live.id)).status, 'unpublished')
  })

  test('a byline linked to a user makes that user an owner; a site setting lets authors publish', async () => {
    const f = await newsroomFixture(t.handle.db)
    const [creator, bylined] = await Promise.all([
      insertActor(t.handle.db, 'editor'),
      insertActor(t.handle.db, 'author'),
    ])
    await linkAuthor(t.handle.db, f.author.id, bylined.userId)
    const story = await draft(f, creator)
    assert.deepEqual(new Set(story.ownerUserIds), new Set([creator.userId, bylined.userId]))
    const saved = await f.newsroom.stories.save(bylined, story.id, story.version, {
      dek: 'Mine too',
    })
    assert.equal(saved.dek, 'Mine too')
    assert.equal(saved.actions.publish, false)
  })

  test('a save based on an older version is refused with both texts, and nothing is overwritten', async () => {
    const f = await newsroomFixture(t.handle.db)
    const [alice, bob] = await Promise.all([
      insertActor(t.handle.db, 'editor'),
      insertActor(t.handle.db, 'editor'),
    ])
    const story = await draft(f, alice, 'Original text.')
    const first = await f.newsroom.stories.save(alice, story.id, story.version, {
      bodyMarkdown: 'Alice’s text.',
    })
    assert.equal(first.version, 2)
    const conflict = await rejectsWith(
      f.newsroom.stories.save(bob, story.id, story.version, { bodyMarkdown: 'Bob’s text.' }),
      'STORY_VERSION_CONFLICT',
    )
    assert.equal(conflict.kind, 'conflict')
    const details = conflict.details as {
      currentVersion: number
      current: { bodyMarkdown: string }
      yours: { bodyMarkdown: string }
      savedBy: string
    }
    assert.equal(details.currentVersion, 2)
    assert.equal(details.current.bodyMarkdown, 'Alice’s text.')
    assert.equal(details.yours.bodyMarkdown, 'Bob’s text.')
    assert.equal(details.savedBy, alice.name)
    const now = await f.newsroom.stories.get(bob, story.id)
    assert.equal(now.bodyMarkdown, 'Alice’s text.')
    assert.equal(now.version, 2)
    await rejectsWith(
      f.newsroom.stories.save(bob, story.id, 0, { dek: 'x' }),
      'STORY_VERSION_INVALID',
    )
  })

  test('two saves on the same version at once: exactly one wins, the other gets the conflict', async () => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    const story = await draft(f, editor)
    const outcomes = await Promise.allSettled(
      ['One.', 'Two.', 'Three.'].map((body) =>
        f.newsroom.stories.save(editor, story.id, story.version, { bodyMarkdown: body }),
      ),
    )
    const won = outcomes.filter((o) => o.status === 'fulfilled')
    const lost = outcomes.filter((o) => o.status === 'rejected')
    assert.equal(won.length, 1)
    for (const o of lost) assert.equal((o.reason as MastheadError).code, 'STORY_VERSION_CONFLICT')
    const revisions = await f.newsroom.stories.revisions(editor, story.id)
    assert.deepEqual(
      revisions.map((r) => r.version),
      [2, 1],
    )
  })

  test('revisions: every save kept, a diff between any two, restore makes a new revision', async () => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    const story = await draft(f, editor, 'The mayor spoke.\nThe council listened.')
    const v2 = await f.newsroom.stories.save(editor, story.id, 1, {
      bodyMarkdown: 'The mayor spoke briefly.\nThe council listened.\nThen it voted.',
    })
    const v3 = await f.newsroom.stories.save(editor, story.id, v2.version, {
      headline: 'Council votes yes',
    })
    assert.equal(v3.version, 3)

    const diff = await f.newsroom.stories.diff(editor, story.id, 1, 2)
    assert.deepEqual(diff.body, [
      {
        kind: 'changed',
        parts: [
          { kind: 'same', text: 'The mayor ' },
          { kind: 'removed', text: 'spoke.' },
          { kind: 'added', text: 'spoke briefly.' },
        ],
      },
      { kind: 'same', text: 'The council listened.' },
      { kind: 'added', text: 'Then it voted.' },
    ])
    assert.ok(diff.headline.every((line) => line.kind === 'same'))

    const restored = await f.newsroom.stories.restore(editor, story.id, 1, v3.version)
    assert.equal(restored.version, 4)
    assert.equal(restored.bodyMarkdown, 'The mayor spoke.\nThe council listened.')
    assert.equal(restored.headline, story.headline)
    const revisions = await f.newsroom.stories.revisions(editor, story.id)
    assert.deepEqual(
      revisions.map((r) => [r.version, r.restoredFrom]),
      [
        [4, 1],
        [3, null],
        [2, null],
        [1, null],
      ],
    )
    await rejectsWith(f.newsroom.stories.diff(editor, story.id, 1, 99), 'STORY_REVISION_NOT_FOUND')
    // Restoring over a version someone else saved meanwhile is a conflict like any save.
    await rejectsWith(f.newsroom.stories.restore(editor, story.id, 2, 3), 'STORY_VERSION_CONFLICT')
  })

  test('the story list filters by status, section, author and headline, last changed first', async () => {
    const f = await newsroomFixture(t.handle.db)
    const editor = await insertActor(t.handle.db, 'editor')
    const marker = uniqueSlug('zebra')
    const a = await f.newsroom.stories.create(editor, {
      headline: `Budget 100% ${marker} approved`,
      bodyMarkdown: 'x',
      sectionId: f.section.id,
      authorIds: [f.author.id],
    })
    f.clock.advance(1000)
    const b = await f.newsroom.stories.create(editor, {
      headline: `${marker} budget_cut`,
      bodyMarkdown: 'x',
      sectionId: f.section.id,
      authorIds: [f.author.id],
    })
    f.clock.advance(1000)
    await f.newsroom.stories.submit(editor, a.id)

    const all = await f.newsroom.stories.list(editor, { query: marker }, 1, 10)
    assert.deepEqual(
      all.items.map((s) => s.id),
      [a.id, b.id],
      'the story changed last comes first',
    )
    const review = await f.newsroom.stories.list(
      editor,
      { query: marker, status: 'in_review' },
      1,
      10,
    )
    assert.deepEqual(
      review.items.map((s) => s.id),
      [a.id],
    )
    const bySection = await f.newsroom.stories.list(editor, { sectionId: f.section.id }, 1, 1)
    assert.equal(bySection.total >= 2, true)
    assert.equal(bySection.items.length, 1)
    const byAuthor = await f.newsroom.stories.list(
      editor,
      { authorId: f.author.id, query: marker },
      1,
      10,
    )
    assert.equal(byAuthor.total, 2)
    assert.equal(byAuthor.items[0]?.authors[0]?.name, f.author.name)
    // LIKE wildcards in a search are literal characters.
    const literal = await f.newsroom.stories.list(editor, { query: `${marker} budget_` }, 1, 10)
    assert.deepEqual(
      literal.items.map((s) => s.id),
      [b.id],
    )
    assert.equal(
      (await f.newsroom.stories.list(editor, { query: `100%` }, 1, 50)).items.some(
        (s) => s.id === a.id,
      ),
      true,
    )
    assert.equal(
      (await f.newsroom.stories.list(editor, { query: `BUDGET ${marker}` }, 1, 10)).total,
      1,
    )
  })

  test('the preview is the story as its page shows it, in any status; the byline picker lists authors', async () => {
    const f = await newsroomFixture(t.handle.db)
    const writer = await insertActor(t.handle.db, 'contributor')
    const story = await draft(f, writer, 'Some **bold** words.')
    const preview = await f.newsroom.stories.preview(writer, story.id)
    assert.equal(preview.status, 'draft')
    assert.match(preview.bodyHtml, /<strong>bold<\/strong>/)
    assert.equal(preview.authors[0]?.id, f.author.id)
    const choices = await f.newsroom.stories.authorChoices(writer)
    assert.ok(choices.some((a) => a.id === f.author.id && a.name === f.author.name))
    const moderator = await insertActor(t.handle.db, 'moderator')
    await rejectsWith(f.newsroom.stories.preview(moderator, story.id), 'ACCESS_FORBIDDEN')
  })
})
