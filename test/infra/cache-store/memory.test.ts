/** The memory cache store passes the shared cache store contract. */

import { createMemoryCacheStore } from '../../../src/infra/cache-store/memory.js'
import { runCacheStoreContract } from '../../contracts/cache-store.contract.js'

runCacheStoreContract(({ maxBytes, now }) => createMemoryCacheStore({ maxBytes, now }), {
  name: 'memory',
})
