/** The invalidation table: each bus event purges exactly the tags of the pages it makes stale. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createInProcessBus } from '../../../src/infra/bus/in-process.js'
import {
  EVERYTHING,
  subscribeEdgePurges,
  subscribePageCacheInvalidation,
} from '../../../src/web/plugins/page-cache-invalidation.js'

const story = {
  articleId: 42,
  slug: 'harbour',
  sectionSlug: 'city',
  authorIds: [7, 8],
  tagIds: [3],
}

/** Publishes one event and returns the tags purged for it. */
async function purgedBy(publish: (bus: ReturnType<typeof createInProcessBus>) => Promise<void>) {
  const bus = createInProcessBus({ onHandlerError: (_event, error) => assert.fail(String(error)) })
  const purged: string[][] = []
  const unsubscribe = subscribePageCacheInvalidation(
    bus,
    async (tags) => {
      purged.push(tags)
    },
    async () => {
      purged.push(['*'])
    },
  )
  await publish(bus)
  unsubscribe()
  await publish(bus)
  return purged
}

describe('page cache invalidation', () => {
  test('publishing and unpublishing purge the story, its section, authors, tags and the front (and rails on unpublish)', async () => {
    const expected = [
      'article:42',
      'section:city',
      'author:7',
      'author:8',
      'tag:3',
      'front',
      'corrections',
    ]
    assert.deepEqual(await purgedBy((bus) => bus.publish('article.published', story)), [expected])
    assert.deepEqual(await purgedBy((bus) => bus.publish('article.unpublished', story)), [
      [...expected, 'rails'],
    ])
  })

  test('moving a story purges its previous section too', async () => {
    const moved = await purgedBy((bus) =>
      bus.publish('article.updated', { ...story, previousSectionSlug: 'world' }),
    )
    assert.ok(moved[0]?.includes('section:world'))
    assert.ok(moved[0]?.includes('section:city'))
    const edited = await purgedBy((bus) =>
      bus.publish('article.updated', { ...story, previousSectionSlug: 'city' }),
    )
    assert.equal(edited[0]?.filter((tag) => tag === 'section:city').length, 1)
  })

  test('picks purge picks and the front; only visible comments purge their story', async () => {
    assert.deepEqual(await purgedBy((bus) => bus.publish('picks.changed', { list: 'x' })), [
      ['picks', 'front'],
    ])
    const visible = { commentId: 1, articleId: 42, visible: true }
    assert.deepEqual(await purgedBy((bus) => bus.publish('comment.posted', visible)), [
      ['article:42'],
    ])
    const held = { commentId: 2, articleId: 42, visible: false }
    assert.deepEqual(await purgedBy((bus) => bus.publish('comment.posted', held)), [])
  })

  test('a gap in the bus clears everything; events from other processes purge as local ones do', async () => {
    const purged = await purgedBy(async (bus) => {
      await bus.signalGap()
      await bus.deliverRemote('picks.changed', { list: 'x' })
    })
    assert.deepEqual(purged, [['*'], ['picks', 'front']])
  })

  test('a banner change purges every page that shows the banner slot', async () => {
    assert.deepEqual(await purgedBy((bus) => bus.publish('banner.changed', { bannerId: 7 })), [
      ['banner'],
    ])
  })

  test('a settings change purges everything (the name and language are on every page)', async () => {
    assert.deepEqual(
      await purgedBy((bus) => bus.publish('settings.changed', { keys: ['siteName'] })),
      [[EVERYTHING]],
    )
  })

  test("a CDN hears this process's events only, a whole-site purge for EVERYTHING, nothing for a gap", async () => {
    const bus = createInProcessBus({
      onHandlerError: (_event, error) => assert.fail(String(error)),
    })
    const told: string[][] = []
    const unsubscribe = subscribeEdgePurges(bus, {
      purge: (tags) => void told.push([...tags]),
      purgeEverything: () => void told.push(['everything']),
    })
    await bus.publish('picks.changed', { list: 'x' })
    await bus.deliverRemote('article.published', story)
    await bus.signalGap()
    await bus.publish('sections.changed', { sectionId: 1 })
    unsubscribe()
    await bus.publish('banner.changed', { bannerId: 7 })
    assert.deepEqual(told, [['picks', 'front'], ['everything']])
  })
})
