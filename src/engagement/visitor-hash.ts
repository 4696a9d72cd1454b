/** The daily visitor hash: 64 bits from the day's secret salt, the address and the user agent. */

import { randomBytes } from 'node:crypto'
import { addressKey } from '../lib/address-key.js'

/** A day's salt as the hash uses it: four 32-bit seeds parsed from the stored hex text. */
export interface SaltSeeds {
  readonly day: string
  readonly a: number
  readonly b: number
  readonly c: number
  readonly d: number
}

/** A fresh random salt: 32 hex characters (128 bits), for a day that has none yet. */
export function newSalt(): string {
  return randomBytes(16).toString('hex')
}

/** The seeds of `salt` (hex text, at least 32 characters) for `day`. */
export function saltSeeds(day: string, salt: string): SaltSeeds {
  const word = (at: number): number => Number.parseInt(salt.slice(at, at + 8), 16) >>> 0
  if (!/^[0-9a-f]{32,64}$/.test(salt)) throw new Error(`malformed view salt for ${day}`)
  return { day, a: word(0), b: word(8), c: word(16), d: word(24) }
}

/**
 * The hash state after the user agent, written to out[0] and out[1]: the first half of
 * visitorHash, computed once per distinct user agent and day (the counter memoizes it).
 */
export function agentHashState(seeds: SaltSeeds, userAgent: string, out: Uint32Array): void {
  let h1 = seeds.a ^ 0xdeadbeef
  let h2 = seeds.b ^ 0x41c6ce57
  for (let i = 0; i < userAgent.length; i++) {
    const ch = userAgent.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  // A separator no string character can be, so ('ab', 'c') and ('a', 'bc') differ.
  out[0] = Math.imul(h1 ^ 0x10000, 2654435761) >>> 0
  out[1] = Math.imul(h2 ^ 0x10000, 1597334677) >>> 0
}

/**
 * Finishes the visitor hash from an agent's state (agentHashState) and the address, writing the
 * 64 bits to out[0] (high) and out[1] (low). A keyed non-cryptographic hash (two
 * multiply-xorshift lanes, as in cyrb53): the hash never leaves memory and the salt is deleted at
 * the end of the day, so what matters is speed and an even spread; a cryptographic hash would
 * cost several times the whole count path.
 */
export function finishVisitorHash(
  seeds: SaltSeeds,
  agentH1: number,
  agentH2: number,
  address: string,
  out: Uint32Array,
): void {
  let h1 = agentH1
  let h2 = agentH2
  for (let i = 0; i < address.length; i++) {
    const ch = address.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 ^= seeds.c
  h2 ^= seeds.d
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  out[0] = h1 >>> 0
  out[1] = h2 >>> 0
}

/**
 * The 64-bit visitor hash of (address, user agent) under the day's `seeds`, into out[0], out[1].
 * @example visitorHash(seeds, '203.0.113.9', 'Mozilla/5.0 …', out); // out = [hi, lo]
 */
export function visitorHash(
  seeds: SaltSeeds,
  address: string,
  userAgent: string,
  out: Uint32Array,
): void {
  agentHashState(seeds, userAgent, out)
  finishVisitorHash(seeds, out[0] ?? 0, out[1] ?? 0, address, out)
}

/**
 * The 64-bit hash of the address alone (its IPv6 /64, see addressKey) under the day's `seeds`,
 * into out[0], out[1]: what the per-address view cap counts by.
 */
export function addressHash(seeds: SaltSeeds, address: string, out: Uint32Array): void {
  // Starts from its own constants, so no (address, user agent) hash can equal an address hash.
  finishVisitorHash(seeds, seeds.a ^ 0x68e31da4, seeds.b ^ 0xb5297a4d, addressKey(address), out)
}
