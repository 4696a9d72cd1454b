/** Password hashing with argon2id, and generated first passwords. */

import { randomBytes } from 'node:crypto'

/** The native argon2 binding, loaded on the first sign-in or new account rather than at start-up. */
async function loadArgon2(): Promise<typeof import('argon2')> {
  return import('argon2')
}

/** Hashes `password` with argon2id (the hash string carries its own salt and parameters). */
export async function hashPassword(password: string): Promise<string> {
  const argon2 = await loadArgon2()
  return argon2.hash(password, { type: argon2.argon2id })
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
