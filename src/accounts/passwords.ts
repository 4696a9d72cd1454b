/** Password hashing with argon2id, and generated first passwords. */

import { randomBytes } from 'node:crypto'

/** The native argon2 binding, loaded on the first sign-in or new account rather than at start-up. */
async function loadArgon2(): Promise<typeof import('argon2')> {
  return import('argon2')
}

/** argon2id's cost parameters (memory in KiB); the hash string records the ones it was made with. */
export interface HashCost {
  memoryCost: number
  timeCost: number
  parallelism: number
}

/** argon2's defaults (64 MiB, 3 passes, 4 lanes): above OWASP's minimum for argon2id. */
export const DEFAULT_HASH_COST: HashCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 }

/**
 * Hashes `password` with argon2id (the hash string carries its own salt and parameters). Only
 * tests pass a lower `cost`, to keep hundreds of sign-ins fast on a busy machine.
 */
export async function hashPassword(
  password: string,
  cost: HashCost = DEFAULT_HASH_COST,
): Promise<string> {
  const argon2 = await loadArgon2()
  return argon2.hash(password, { type: argon2.argon2id, ...cost })
}

/** True when `password` matches `hash`; argon2.verify compares in constant time. */
export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  try {
    const argon2 = await loadArgon2()
    return await argon2.verify(hash, password)
  } catch {
    // A malformed stored hash is a failed login, not a crash.
    return false
  }
}

/** A random password of 20 URL-safe characters (120 bits), shown to the operator once. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url')
}
