/** The Masthead-Signature header: HMAC-SHA256 over "<unix seconds>.<raw body>" (docs/webhooks.md). */

import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The header value that signs `body` at `unixSeconds` with `secret`.
 * @example signatureHeader('whsec_…', 1764790000, '{"event":"article.published"}') // 't=1764790000,v1=3f…'
 */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  return `t=${unixSeconds},v1=${hmacHex(secret, `${unixSeconds}.${body}`)}`
}

/**
 * Whether `header` signs `body` with `secret` within `toleranceSeconds` of `nowSeconds`: what a
 * receiver checks (our tests use it as a receiver would).
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=')
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const
    }),
  )
  const t = Number(parts.get('t'))
  const v1 = parts.get('v1') ?? ''
  if (!Number.isSafeInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false
  const expected = Buffer.from(hmacHex(secret, `${t}.${body}`), 'hex')
  const given = Buffer.from(v1, 'hex')
  // Constant time, so the comparison does not leak how much of a forged signature was right.
  return given.length === expected.length && timingSafeEqual(given, expected)
}

const hmacHex = (secret: string, text: string): string =>
  createHmac('sha256', secret).update(text).digest('hex')
