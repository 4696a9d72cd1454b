/**
 * Content API keys: created once and shown once, stored as a SHA-256 hash, revocable, with a
 * per-key request limit. Verified keys are remembered for a short while, so a busy client costs
 * one hash per request, not one query; a revocation reaches every process's memory over the bus.
 */

import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import {
  allKeys,
  countInWindow,
  deleteWindowsBefore,
  insertKey,
  liveKeyByHash,
  revokeKey,
  touchKey,
} from './api-key-queries.js'
import {
  apiKeyInvalid,
  apiKeyMissing,
  apiKeyNameInvalid,
  apiKeyNotFound,
  apiRateLimited,
} from './errors.js'
import type { ApiCaller, ApiKey } from './types.js'

export const API_KEY_NAME_MAX_LENGTH = 100
/**
 * How long a verified (or refused) key is trusted without asking the database again. A revoke
 * does not wait for it: the `api_key.revoked` event (or a bus gap) clears it in every process.
 */
const VERIFIED_TTL_MS = 30_000
/** Remembered keys at most (refused ones included), so random keys cannot grow memory. */
const REMEMBERED_MAX = 10_000
const WINDOW_MS = 60_000
/** last_used_at is written at most this often per key. */
const TOUCH_EVERY_MS = 60_000
const KEY_PATTERN = /^mh_[A-Za-z0-9_-]{32}$/

export interface ApiKeys {
  /** Creates a key; the secret is returned here once and never again. */
  add(name: string): Promise<{ key: ApiKey; secret: string }>
  list(): Promise<ApiKey[]>
  /** Revokes by id (digits) or prefix; throws API_KEY_NOT_FOUND when no live key matches. */
  revoke(ref: string): Promise<ApiKey>
  /** The caller an `Authorization` header names; throws API_KEY_MISSING or API_KEY_INVALID. */
  authenticate(authorization: string | undefined): Promise<ApiCaller>
  /** Counts one request for `caller`; throws API_RATE_LIMITED past the limit. */
  consume(caller: ApiCaller): Promise<RateState>
  /** Stops following the bus. */
  close(): void
}

/** The limit's state after a request, for the RateLimit-* headers. */
export interface RateState {
  limit: number
  remaining: number
  resetSeconds: number
}

/**
 * Builds the API keys service; `perMinute` 0 turns the limit off. `sharedWindows` (PostgreSQL,
 * several processes) counts each key's minute in api_rate_windows, so the limit holds for the
 * site, not per process; otherwise the count is this process's memory. With a `bus`, a revoke
 * publishes `api_key.revoked` and every process forgets the key within milliseconds; a bus gap
 * (events may have been missed) forgets every key.
 * @example const apiKeys = createApiKeys({ db, clock, perMinute: 60, bus })
 */
export function createApiKeys(deps: {
  db: Db
  clock: Clock
  perMinute: number
  sharedWindows?: boolean
  bus?: Bus
}): ApiKeys {
  const { db, clock, perMinute, sharedWindows = false, bus } = deps
  let sweptWindow = 0
  const remembered = new Map<string, { caller: ApiCaller | null; until: number }>()
  const windows = new Map<number, { start: number; count: number }>()
  const touched = new Map<number, number>()
  /**
   * Bumped by every revocation and gap: a lookup that began before one may have read the key
   * as live, so its answer serves that request but is not remembered.
   */
  let generation = 0

  const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex')

  const remember = (hash: string, caller: ApiCaller | null, now: number): void => {
    if (remembered.size >= REMEMBERED_MAX) remembered.clear()
    remembered.set(hash, { caller, until: now + VERIFIED_TTL_MS })
  }

  const forget = (keyId: number): void => {
    generation += 1
    for (const [hash, entry] of remembered)
      if (entry.caller?.keyId === keyId) remembered.delete(hash)
  }

  const unsubscribe = bus
    ? [
        bus.subscribe('api_key.revoked', ({ keyId }) => forget(keyId)),
        bus.onGap(() => {
          generation += 1
          remembered.clear()
        }),
      ]
    : []

  return {
    add: async (name) => {
      const trimmed = name.trim()
      if (trimmed === '' || trimmed.length > API_KEY_NAME_MAX_LENGTH)
        throw apiKeyNameInvalid(API_KEY_NAME_MAX_LENGTH)
      const secret = `mh_${randomBytes(24).toString('base64url')}`
      const key = await insertKey(
        db,
        { name: trimmed, prefix: secret.slice(0, 11), hash: hashOf(secret) },
        clock.now(),
      )
      return { key, secret }
    },
    list: () => allKeys(db),
    revoke: async (ref) => {
      const trimmed = ref.trim()
      const id = /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined
      const key = await revokeKey(db, id ?? trimmed, clock.now())
      if (key === undefined) throw apiKeyNotFound(trimmed)
      // This process stops accepting it at once, the others when the event reaches them (the
      // update has committed: a lookup they start after it reads the key as revoked).
      forget(key.id)
      await bus?.publish('api_key.revoked', { keyId: key.id })
      return key
    },
    authenticate: async (authorization) => {
      const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization ?? '')
      if (match === null) throw apiKeyMissing()
      const secret = match[1] ?? ''
      if (!KEY_PATTERN.test(secret)) throw apiKeyInvalid()
      const hash = hashOf(secret)
      const now = clock.nowMs()
      const entry = remembered.get(hash)
      let caller = entry?.caller
      if (entry === undefined || entry.until <= now) {
        const seen = generation
        const key = await liveKeyByHash(db, hash)
        caller = key === undefined ? null : { keyId: key.id, name: key.name }
        if (generation === seen) remember(hash, caller, now)
      }
      if (caller === undefined || caller === null) throw apiKeyInvalid()
      if ((touched.get(caller.keyId) ?? 0) + TOUCH_EVERY_MS <= now) {
        touched.set(caller.keyId, now)
        await touchKey(db, caller.keyId, new Date(now))
      }
      return caller
    },
    consume: async (caller) => {
      const now = clock.nowMs()
      if (perMinute === 0) return { limit: 0, remaining: 0, resetSeconds: 0 }
      if (sharedWindows) {
        const start = now - (now % WINDOW_MS)
        if (sweptWindow !== start) {
          // Once a minute per process: earlier windows are of no use any more.
          sweptWindow = start
          await deleteWindowsBefore(db, start - WINDOW_MS)
        }
        const count = await countInWindow(db, caller.keyId, start)
        const resetSeconds = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000))
        if (count > perMinute) throw apiRateLimited(resetSeconds, perMinute)
        return { limit: perMinute, remaining: perMinute - count, resetSeconds }
      }
      let window = windows.get(caller.keyId)
      if (window === undefined || window.start + WINDOW_MS <= now) {
        window = { start: now - (now % WINDOW_MS), count: 0 }
        windows.set(caller.keyId, window)
      }
      const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000))
      if (window.count >= perMinute) throw apiRateLimited(resetSeconds, perMinute)
      window.count++
      return { limit: perMinute, remaining: perMinute - window.count, resetSeconds }
    },
    close: () => {
      for (const off of unsubscribe) off()
    },
  }
}
