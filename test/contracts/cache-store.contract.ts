/** The behaviour every CacheStore must show; memory and Redis stores both run this suite. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { CacheEntry, CacheStore } from '../../src/infra/cache-store/cache-store.js'

export interface StoreFactoryOptions {
  maxBytes: number
  /** The store's clock in milliseconds; tests move it instead of waiting. */
  now: () => number
}

export interface ContractOptions {
  /** Which implementation runs, for the suite title. */
  name?: string
  /** Skips the whole suite; the reason is printed so the gap stays visible. */
  skip?: string
}

/** A page-like entry of about `size` bytes whose bodies spell `label`. */
export function entryOf(label: string, size = 100): CacheEntry {
  const identity = Buffer.alloc(size, label)
  return { bodies: { identity, gzip: Buffer.from(`gz:${label}`) }, meta: { etag: label } }
}

/** Runs the cache store contract against stores made by `makeStore`. */
export function runCacheStoreContract(
  makeStore: (options: StoreFactoryOptions) => CacheStore | Promise<CacheStore>,
  options: ContractOptions = {},
): void {
  describe(
    `cache store contract: ${options.name ?? 'store'}`,
    { skip: options.skip ?? false },
    () => {
      let clock = 1_000_000
      const setup = async (maxBytes = 1024 * 1024): Promise<CacheStore> => {
        clock = 1_000_000
        const store = await makeStore({ maxBytes, now: () => clock })
        await store.clear()
        return store
      }
      const ttl = { tags: [] as string[], ttlMs: 60_000 }

      test('get returns the stored bodies and metadata byte for byte', async () => {
        const store = await setup()
        const entry = entryOf('a')
        await store.set('/a', entry, ttl)
        const found = await store.get('/a')
        assert.ok(found !== undefined)
        assert.deepEqual(found.bodies.identity, entry.bodies.identity)
        assert.deepEqual(found.bodies.gzip, entry.bodies.gzip)
        assert.equal(found.bodies.br, undefined)
        assert.deepEqual(found.meta, { etag: 'a' })
        assert.equal(await store.get('/missing'), undefined)
      })

      test('set replaces an entry under the same key', async () => {
        const store = await setup()
        await store.set('/a', entryOf('a'), { tags: ['front'], ttlMs: 60_000 })
        await store.set('/a', entryOf('b'), { tags: ['other'], ttlMs: 60_000 })
        assert.equal((await store.get('/a'))?.meta.etag, 'b')
        assert.equal(await store.size(), 1)
        assert.equal(await store.purgeTags(['front']), 0, 'the old tags went with the old entry')
        assert.equal((await store.get('/a'))?.meta.etag, 'b')
      })

      test('an entry expires after its ttl', async () => {
        const store = await setup()
        await store.set('/a', entryOf('a'), { tags: [], ttlMs: 60_000 })
        clock += 59_999
        assert.ok((await store.get('/a')) !== undefined)
        clock += 1
        assert.equal(await store.get('/a'), undefined)
      })

      test('purgeTags drops exactly the entries carrying any of the tags', async () => {
        const store = await setup()
        await store.set('/', entryOf('f'), {
          tags: ['front', 'article:1', 'article:2'],
          ttlMs: 60_000,
        })
        await store.set('/world/one', entryOf('1'), {
          tags: ['article:1', 'section:world'],
          ttlMs: 60_000,
        })
        await store.set('/world/two', entryOf('2'), {
          tags: ['article:2', 'section:world'],
          ttlMs: 60_000,
        })
        await store.set('/sport', entryOf('s'), { tags: ['section:sport'], ttlMs: 60_000 })
        assert.equal(await store.purgeTags(['article:1', 'nobody']), 2)
        assert.equal(await store.get('/'), undefined)
        assert.equal(await store.get('/world/one'), undefined)
        assert.ok((await store.get('/world/two')) !== undefined)
        assert.ok((await store.get('/sport')) !== undefined)
        assert.equal(await store.purgeTags(['section:world']), 1)
        assert.equal(await store.size(), 1)
      })

      test('the least recently used entries go first when bytes run out', async () => {
        const store = await setup(1000)
        await store.set('/a', entryOf('a', 300), ttl)
        await store.set('/b', entryOf('b', 300), ttl)
        await store.set('/c', entryOf('c', 300), ttl)
        await store.get('/a')
        await store.set('/d', entryOf('d', 300), ttl)
        assert.equal(await store.get('/b'), undefined, 'b was the least recently used')
        assert.ok((await store.get('/a')) !== undefined)
        assert.ok((await store.get('/c')) !== undefined)
        assert.ok((await store.get('/d')) !== undefined)
      })

      test('repeated reads of one entry keep the order of the others', async () => {
        const store = await setup(1000)
        await store.set('/a', entryOf('a', 300), ttl)
        await store.set('/b', entryOf('b', 300), ttl)
        await store.set('/c', entryOf('c', 300), ttl)
        await store.get('/c')
        await store.get('/c')
        await store.get('/a')
        await store.get('/a')
        await store.set('/d', entryOf('d', 300), ttl)
        assert.equal(await store.get('/b'), undefined, 'b was the least recently used')
        // c, read before a, is now the oldest of c, a and d; reading it makes a the oldest.
        assert.ok((await store.get('/c')) !== undefined)
        await store.set('/e', entryOf('e', 300), ttl)
        assert.equal(await store.get('/a'), undefined, 'a was the least recently used')
        assert.ok((await store.get('/d')) !== undefined)
        assert.ok((await store.get('/e')) !== undefined)
      })

      test('an entry larger than the whole budget is not stored and evicts nothing', async () => {
        const store = await setup(1000)
        await store.set('/a', entryOf('a', 300), ttl)
        await store.set('/huge', entryOf('h', 5000), ttl)
        assert.equal(await store.get('/huge'), undefined)
        assert.ok((await store.get('/a')) !== undefined)
      })

      test('a budget of zero bytes stores nothing', async () => {
        const store = await setup(0)
        await store.set('/a', entryOf('a', 10), ttl)
        assert.equal(await store.get('/a'), undefined)
        assert.equal(await store.size(), 0)
      })

      test('every stored coding counts in the byte budget', async () => {
        const store = await setup(1000)
        const withCodings = (label: string): CacheEntry => ({
          bodies: {
            identity: Buffer.alloc(300, label),
            br: Buffer.alloc(100, label),
            gzip: Buffer.alloc(150, label),
          },
          meta: { etag: label },
        })
        // 300 bytes of identity alone would let three fit; with their codings (550) only one does.
        await store.set('/a', withCodings('a'), ttl)
        await store.set('/b', withCodings('b'), ttl)
        assert.equal(await store.get('/a'), undefined, 'a was evicted to make room for b')
        assert.equal((await store.get('/b'))?.bodies.br?.length, 100)
        assert.equal(await store.size(), 1)
      })

      test('changing the entry passed to set does not change what is stored', async () => {
        const store = await setup()
        const entry = entryOf('a')
        const mutable = entry as { bodies: Record<string, Buffer>; meta: Record<string, string> }
        await store.set('/a', entry, ttl)
        mutable.bodies.br = Buffer.from('added later')
        mutable.meta.etag = 'changed'
        entry.bodies.identity.fill('z')
        const found = await store.get('/a')
        assert.equal(found?.bodies.br, undefined)
        assert.equal(found?.meta.etag, 'a')
        assert.deepEqual(found?.bodies.identity, Buffer.alloc(100, 'a'))
      })

      test('an entry handed out by get cannot be changed', async () => {
        const store = await setup()
        await store.set('/a', entryOf('a'), ttl)
        const found = await store.get('/a')
        assert.ok(found !== undefined)
        const mutable = found as { bodies: Record<string, Buffer>; meta: Record<string, string> }
        assert.throws(() => {
          mutable.bodies.br = Buffer.from('added later')
        }, TypeError)
        assert.throws(() => {
          mutable.meta.etag = 'changed'
        }, TypeError)
        const again = await store.get('/a')
        assert.equal(again?.bodies.br, undefined)
        assert.equal(again?.meta.etag, 'a')
      })

      test('clear drops every entry and tag', async () => {
        const store = await setup()
        await store.set('/a', entryOf('a'), { tags: ['front'], ttlMs: 60_000 })
        await store.clear()
        assert.equal(await store.size(), 0)
        assert.equal(await store.purgeTags(['front']), 0)
      })
    },
  )
}
