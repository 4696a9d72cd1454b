/** The site secret behind reader hashes and form tokens: made once, kept in the database, shared by every process. */

import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Db } from '../db/database.js'
import { siteSecretKey } from '../db/site-secrets.js'
import { addressKey } from '../lib/address-key.js'
import type { Clock } from '../lib/clock.js'
import type { FormTokenCheck, ReaderIdentity } from './types.js'

const SECRET_NAME = 'comments'
/** A served form stays good for a day; an older one is refused as expired. */
const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000
/** Clocks of processes behind one balancer differ a little. */
const CLOCK_SKEW_MS = 60_000

export interface ReaderKeys {
  /** The salted identity of a reader: HMAC-SHA256 of address and user agent, hex. */
  readerHash(reader: ReaderIdentity): Promise<string>
  /** The salted hash of the reader's address (its IPv6 /64): what per-address limits count. */
  addressHash(address: string): Promise<string>
  /** A signed "form served at" stamp to embed in the comment form. */
  issueFormToken(): Promise<string>
  /** Checks a stamp: forged or expired → invalid; younger than `minSeconds` → too_fast. */
  checkFormToken(token: string, minSeconds: number): Promise<FormTokenCheck>
}

/** Builds the keys, reading (or on first use creating) the secret lazily. */
export function createReaderKeys({ db, clock }: { db: Db; clock: Clock }): ReaderKeys {
  const key = siteSecretKey(db, SECRET_NAME, clock)
  const sign = (k: Buffer, label: string, value: string): Buffer =>
    createHmac('sha256', k).update(`${label}\0${value}`).digest()

  return {
    async readerHash({ address, userAgent }) {
      return sign(await key(), 'reader', `${address}\0${userAgent}`).toString('hex')
    },
    async addressHash(address) {
      return sign(await key(), 'address', addressKey(address)).toString('hex')
    },
    async issueFormToken() {
      const issued = String(clock.now().getTime())
      return `${issued}.${sign(await key(), 'form', issued).toString('base64url')}`
    },
    async checkFormToken(token, minSeconds) {
      const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token)
      if (match === null) return 'invalid'
      const [, issued = '', mac = ''] = match
      const expected = sign(await key(), 'form', issued)
      const given = Buffer.from(mac, 'base64url')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
      const age = clock.now().getTime() - Number(issued)
      if (age < -CLOCK_SKEW_MS || age > FORM_TOKEN_MAX_AGE_MS) return 'invalid'
      return age < minSeconds * 1000 ? 'too_fast' : 'ok'
    },
  }
}
