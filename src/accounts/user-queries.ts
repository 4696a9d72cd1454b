/** Users in the database; the password hash is read only by the login check. */

import type { Db } from '../db/database.js'
import type { UserRole } from '../db/schema.js'
import { fromDbTime, fromNullableDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import type { User } from './types.js'

interface UserRow {
  id: number
  email: string
  name: string
  role: UserRole
  created_at: Date | string
  deactivated_at: Date | string | null
}

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'created_at', 'deactivated_at'] as const

/** The user with this (normalized) e-mail. */
export async function userByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst()
  return row && userFromRow(row)
}

/** The user with this id. */
export async function userById(db: Db, id: number): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('id', '=', id)
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
    .select([...USER_COLUMNS, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst()
  return row && { user: userFromRow(row), passwordHash: row.password_hash }
}

/** The password hash of user `id` (for a password change). */
export async function passwordHashById(db: Db, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.password_hash
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
  return {
    id,
    email: input.email,
    name: input.name,
    role: input.role,
    createdAt: now,
    deactivatedAt: null,
  }
}

/** Every user, active first, then by name. */
export async function allUsers(db: Db): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .orderBy('deactivated_at', (ob) => ob.asc().nullsFirst())
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map(userFromRow)
}

/** Number of users. */
export async function userCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst()
  return toNumber(row?.n)
}

/** Number of active admins other than user `exceptId`. */
export async function otherActiveAdmins(db: Db, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'admin')
    .where('deactivated_at', 'is', null)
    .where('id', '<>', exceptId)
    .executeTakeFirst()
  return toNumber(row?.n)
}

/** Changes columns of user `id`. */
export async function updateUser(
  db: Db,
  id: number,
  change: { role?: UserRole; passwordHash?: string; deactivatedAt?: Date | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      updated_at: toDbTime(now),
      ...(change.role === undefined ? {} : { role: change.role }),
      ...(change.passwordHash === undefined ? {} : { password_hash: change.passwordHash }),
      ...(change.deactivatedAt === undefined
        ? {}
        : { deactivated_at: change.deactivatedAt && toDbTime(change.deactivatedAt) }),
    })
    .where('id', '=', id)
    .execute()
}

function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: fromDbTime(row.created_at),
    deactivatedAt: fromNullableDbTime(row.deactivated_at),
  }
}
