/**
 * Signed view tokens: the story page carries one (made when the page was rendered) and its beacon
 * sends it back, so beacons count only for pages this site served, within a short time.
 */

import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Db } from '../db/database.js'
import { siteSecretKey } from '../db/site-secrets.js'
import type { Clock } from '../lib/clock.js'

/**
 * How long a token is good for. A page may be served from the page cache (60 s), then from a
 * CDN or the browser's cache (max-age 60 s) before its beacon fires; half an hour covers that
 * with plenty of slack (a tab restored much later simply does not count).
 */
export const VIEW_TOKEN_MAX_AGE_MS = 30 * 60_000
/** Clocks of processes behind one balancer differ a little. */
const CLOCK_SKEW_MS = 60_000
/** Tokens checked recently; one cached page hands the same token to every reader. */
const MAX_REMEMBERED = 10_000
const SECRET_NAME = 'views'
const TOKEN = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/

export interface ViewTokens {
  /** A token for a page of story `articleId`, stamped now. */
  issue(articleId: number): Promise<string>
  /** The story id `token` was issued for, when it is genuine and fresh; undefined otherwise. */
  check(token: string): Promise<number | undefined>
}

/**
 * Creates the signer. Its key is the site secret "views", made once and kept in the database,
 * so every process (and a restarted one) signs and checks alike without configuration.
 */
export function createViewTokens({ db, clock }: { db: Db; clock: Clock }): ViewTokens {
  const key = siteSecretKey(db, SECRET_NAME, clock)
  // 128 bits of HMAC-SHA256 are plenty for a token that lives half an hour.
  const mac = (k: Buffer, payload: string): Buffer =>
    createHmac('sha256', k).update(`view\0${payload}`).digest().subarray(0, 16)
  /** Verified tokens → [story id, expiry in ms]: a burst of beacons of one page costs one HMAC. */
  const remembered = new Map<string, [number, number]>()

  return {
    async issue(articleId) {
      const payload = `${articleId}.${Math.floor(clock.now().getTime() / 1000)}`
      return `${payload}.${mac(await key(), payload).toString('base64url')}`
    },
    async check(token) {
      const now = clock.now().getTime()
      const known = remembered.get(token)
      if (known !== undefined) return known[1] > now ? known[0] : undefined
      const match = TOKEN.exec(token)
      if (match === null) return undefined
      const [, id = '', issuedSec = '', given = ''] = match
      const expected = mac(await key(), `${id}.${issuedSec}`)
      const actual = Buffer.from(given, 'base64url')
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined
      const issuedMs = Number(issuedSec) * 1000
      if (issuedMs - now > CLOCK_SKEW_MS) return undefined
      const expires = issuedMs + VIEW_TOKEN_MAX_AGE_MS
      if (remembered.size >= MAX_REMEMBERED) remembered.clear()
      remembered.set(token, [Number(id), expires])
      return expires > now ? Number(id) : undefined
    },
  }
}
