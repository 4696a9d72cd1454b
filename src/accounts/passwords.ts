/** Password hashing with argon2id, and generated first passwords. */

import { randomBytes } from 'node:crypto'
import argon2 from 'argon2'

/** Hashes `password` with argon2id (the hash string carries its own salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id })
}

/** True when `password` matches `hash`; argon2.verify compares in constant time. */
export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  try {
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
