/** Users, actors and a second newsroom on the same database, for the story desk's tests. */

import type { Actor } from '../../src/accounts/permissions.js'
import type { UserRole } from '../../src/accounts/types.js'
import type { Db } from '../../src/db/database.js'
import { toDbTime } from '../../src/db/time-codec.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createNewsroom, type Newsroom } from '../../src/newsroom/index.js'
import { NOW, photoLookup, recordingBus, unique, uniqueSlug } from './newsroom-fixtures.js'

/** Inserts a user with `role` and returns the Actor that acts for them. */
export async function insertActor(db: Db, role: UserRole): Promise<Actor> {
  const name = unique(`${role} user`)
  const { id } = await db
    .insertInto('users')
    .values({
      email: `${uniqueSlug(role)}@example.org`,
      name,
      role,
      password_hash: 'not-a-hash',
      created_at: toDbTime(NOW),
      updated_at: toDbTime(NOW),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { userId: id, role, name }
}

/** Links an author (byline) to a user, which makes the user an owner of the author's stories. */
export async function linkAuthor(db: Db, authorId: number, userId: number): Promise<void> {
  await db.updateTable('authors').set({ user_id: userId }).where('id', '=', authorId).execute()
}

/** Another newsroom over the same database with its own clock and bus (a second process). */
export function secondNewsroom(
  db: Db,
  at: Date,
): {
  newsroom: Newsroom
  clock: ReturnType<typeof createFixedClock>
  bus: ReturnType<typeof recordingBus>
} {
  const clock = createFixedClock(at)
  const bus = recordingBus()
  return { newsroom: createNewsroom({ db, clock, bus, photos: photoLookup(db) }), clock, bus }
}
