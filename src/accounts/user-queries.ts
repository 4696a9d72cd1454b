/** Users in the database; the password hash is read only by the login check. */

import type { Db } from '../db/database.js'
import type { UserRole } from '../db/schema.js'
import { fromDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import type { User } from './types.js'

interface UserRow {
  id: number
  email: string
  name: string
  role: UserRole
  created_at: Date | string
}

/** The user with this (normalized) e-mail. */
export async function userByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'created_at'])
    .where('email', '=', email)
    .executeTakeFirst()
  return row && userFromRow(row)
}

/** The user and password hash for a login check. */
export async function credentialsByEmail(
  db: Db,
  email: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'created_at', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst()
  return row && { user: userFromRow(row), passwordHash: row.password_hash }
}

/** Inserts a user and returns it. */
export async function insertUser(
  db: Db,
  input: { email: string; name: string; role: UserRole; passwordHash: string },
  now: Date,
): Promise<User> {
  const { id } = await db
    .insertInto('users')
    .values({
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: input.passwordHash,
      created_at: toDbTime(now),
      updated_at: toDbTime(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, email: input.email, name: input.name, role: input.role, createdAt: now }
}

/** Number of users. */
export async function userCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst()
  return toNumber(row?.n)
}

function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: fromDbTime(row.created_at),
  }
}
