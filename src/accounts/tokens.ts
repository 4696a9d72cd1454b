/** Secret tokens (sessions, reset links): random to hand out, SHA-256 to store. */

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A new 256-bit random token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database keeps of `token`: its SHA-256 in hex (a token has 256 bits, so no salt is needed). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A value derived from `token` for `purpose` that does not reveal the token (HMAC-SHA256). */
export function derivedToken(token: string, purpose: string): string {
  return createHmac('sha256', token).update(purpose).digest('base64url')
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
