/** The memory cache store passes the shared cache store contract. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createMemoryCacheStore } from '../../../src/infra/cache-store/memory.js'
import { entryOf, runCacheStoreContract } from '../../contracts/cache-store.contract.js'

runCacheStoreContract(({ maxBytes, now }) => createMemoryCacheStore({ maxBytes, now }), {
  name: 'memory',
})

test('expired entries leave memory at a later set, touched or not', async () => {
  let clock = 1_000_000
  const store = createMemoryCacheStore({ maxBytes: 1 << 20, now: () => clock })
  for (let i = 0; i < 50; i++)
    await store.set(`/story-${i}`, entryOf('s', 1000), { tags: ['t'], ttlMs: 60_000 })
  assert.equal(await store.size(), 50)
  clock += 61_000
  await store.set('/front', entryOf('f', 1000), { tags: [], ttlMs: 60_000 })
  assert.equal(await store.size(), 1, 'only the live entry is held')
  assert.equal(await store.purgeTags(['t']), 0, 'and the tag index let the dead ones go too')
})
