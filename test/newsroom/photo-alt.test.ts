/** A story goes live only when every photo it shows has alt text: the rule, and the desk enforcing it. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { MastheadError } from '../../src/lib/errors.js'
import { photosWithoutAlt } from '../../src/newsroom/photo-alt-rules.js'
import { forEachDatabase } from '../helpers/databases.js'
import { insertPhoto, newsroomFixture, NOW, unique } from './newsroom-fixtures.js'
import { insertActor } from './story-desk-fixtures.js'

describe('photosWithoutAlt', () => {
  const photos = new Map([
    [1, { alt: 'A ferry' }],
    [2, { alt: '  ' }],
    [3, { alt: '' }],
  ])
  test('a lead photo needs library alt text', () => {
    assert.deepEqual(photosWithoutAlt({ leadPhotoId: 1, bodyPhotos: [] }, photos), [])
    assert.deepEqual(photosWithoutAlt({ leadPhotoId: 2, bodyPhotos: [] }, photos), [
      { photoId: 2, field: 'leadPhotoId' },
    ])
  })
  test('a body photo is described by its Markdown or, failing that, by the library', () => {
    const body = [
      { photoId: 1, alt: '' },
      { photoId: 3, alt: 'Gulls over the pier' },
      { photoId: 2, alt: '' },
    ]
    assert.deepEqual(photosWithoutAlt({ leadPhotoId: null, bodyPhotos: body }, photos), [
      { photoId: 2, field: 'bodyMarkdown' },
    ])
  })
  test('a photo missing twice is named once', () => {
    const story = { leadPhotoId: 3, bodyPhotos: [{ photoId: 3, alt: '' }] }
    assert.deepEqual(photosWithoutAlt(story, photos), [{ photoId: 3, field: 'leadPhotoId' }])
  })
})

forEachDatabase('publishing needs alt text', (t) => {
  const rejectsWith = async (promise: Promise<unknown>, code: string) => {
    let caught: MastheadError | undefined
    await assert.rejects(promise, (error: MastheadError) => {
      assert.equal(error.code, code, error.message)
      caught = error
      return true
    })
    return caught as MastheadError
  }

  test('publish and schedule are refused while a lead or body photo has no alt text', async () => {
    const db = t.handle.db
    const f = await newsroomFixture(db)
    const editor = await insertActor(db, 'editor')
    const bare = await insertPhoto(db, { alt: '' })
    const inline = await insertPhoto(db, { alt: '' })
    const story = await f.newsroom.stories.create(editor, {
      headline: unique('Pier reopens'),
      bodyMarkdown: `The pier is open.\n\n![](photo:${inline})\n\nMore soon.`,
      sectionId: f.section.id,
      authorIds: [f.author.id],
      leadPhotoId: bare,
    })
    const refused = await rejectsWith(
      f.newsroom.stories.publish(editor, story.id),
      'STORY_PHOTO_ALT_MISSING',
    )
    assert.deepEqual(refused.details.photoIds, [bare, inline])
    assert.equal(refused.details.field, 'leadPhotoId')
    assert.match(refused.message, new RegExp(`photos ${bare} and ${inline}`))
    await rejectsWith(
      f.newsroom.stories.schedule(editor, story.id, new Date(NOW.getTime() + 3_600_000)),
      'STORY_PHOTO_ALT_MISSING',
    )
    assert.equal((await f.newsroom.stories.get(editor, story.id)).status, 'draft')

    // The lead photo described in the library, the body one in the Markdown: it may go live.
    await db.updateTable('photos').set({ alt: 'The pier at noon' }).where('id', '=', bare).execute()
    const current = await f.newsroom.stories.get(editor, story.id)
    await f.newsroom.stories.save(editor, story.id, current.version, {
      bodyMarkdown: `The pier is open.\n\n![Children fishing off the pier](photo:${inline})`,
    })
    const published = await f.newsroom.stories.publish(editor, story.id)
    assert.equal(published.status, 'published')
  })

  test('a story without photos, or with described ones, publishes as before', async () => {
    const db = t.handle.db
    const f = await newsroomFixture(db)
    const editor = await insertActor(db, 'editor')
    const described = await insertPhoto(db, { alt: 'Nets drying' })
    const story = await f.newsroom.stories.create(editor, {
      headline: unique('Nets'),
      bodyMarkdown: `![](photo:${described})`,
      sectionId: f.section.id,
      authorIds: [f.author.id],
      leadPhotoId: described,
    })
    assert.equal((await f.newsroom.stories.publish(editor, story.id)).status, 'published')
  })
})
