/**
 * The banned-word list: the moderators' list in the database plus the configured words, matched
 * from memory. Posting never queries the list; it is read once and read again after a change
 * (announced on the bus, so every process that shares the bus reloads), or after a minute at the
 * latest (a change from a process on no shared bus, like the CLI, arrives that way).
 */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime } from '../db/time-codec.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { bannedWordInvalid, bannedWordNotFound } from './errors.js'
import { appendAudit } from './moderation-queries.js'
import { bannedWordKey, createBannedWordMatcher } from './moderation-rules.js'
import type { ModerationActor } from './types.js'

/** How long a loaded list is used without a bus event before it is read again. */
export const BANNED_WORDS_TTL_MS = 60_000

/** The longest banned phrase, in characters of its stored form. */
export const BANNED_WORD_MAX_LENGTH = 100

/** One entry of the moderators' list. */
export interface BannedWordEntry {
  /** The stored form: lower case, accents stripped, one space between words. */
  word: string
  addedBy: string
  addedAt: Date
}

/** The list as the moderation screen shows it. */
export interface BannedWordLists {
  /** The moderators' list, alphabetical. */
  listed: BannedWordEntry[]
  /** MASTHEAD_COMMENTS_BANNED_WORDS(_FILE): applied too, changed only in configuration. */
  configured: readonly string[]
}

/** The banned-word list and its in-memory matcher. */
export interface BannedWordList {
  /** Both lists, for the screen. */
  lists(): Promise<BannedWordLists>
  /** Adds a word or phrase; `added` is false when it was listed already. */
  add(text: string, actor: ModerationActor): Promise<{ word: string; added: boolean }>
  /** Removes a word or phrase (given in any case or accents). Throws COMMENT_BANNED_WORD_NOT_FOUND. */
  remove(text: string, actor: ModerationActor): Promise<void>
  /** The matcher posting uses: true when a text holds a listed word or phrase. */
  matcher(): Promise<(text: string) => boolean>
}

/** Builds the list over `db`; `configured` are the words from configuration. */
export function createBannedWordList({
  db,
  clock,
  bus,
  configured,
}: {
  db: Db
  clock: Clock
  bus: Bus
  configured: readonly string[]
}): BannedWordList {
  let current: Promise<(text: string) => boolean> | undefined
  let until = 0
  const forget = (): void => {
    current = undefined
  }
  // Another process (or this one) changed the list: the next post reads it again.
  bus.subscribe('comment.banned_words.changed', forget)

  const keyOf = (text: string): string => {
    const word = bannedWordKey(text)
    if (word === '') throw bannedWordInvalid('A banned word needs at least one letter or digit.')
    if (word.length > BANNED_WORD_MAX_LENGTH)
      throw bannedWordInvalid(
        `A banned word or phrase may have at most ${BANNED_WORD_MAX_LENGTH} characters.`,
      )
    return word
  }
  const changed = async (word: string, action: 'added' | 'removed'): Promise<void> => {
    forget()
    await bus.publish('comment.banned_words.changed', { word, action })
  }

  return {
    async lists() {
      const rows = await db.selectFrom('comment_banned_words').selectAll().orderBy('word').execute()
      return {
        listed: rows.map((r) => ({
          word: r.word,
          addedBy: r.added_by,
          addedAt: fromDbTime(r.created_at),
        })),
        configured,
      }
    },
    async add(text, actor) {
      const word = keyOf(text)
      const at = clock.now()
      const added = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('comment_banned_words')
          .values({ word, added_by: actor, created_at: toDbTime(at) })
          .onConflict((oc) => oc.column('word').doNothing())
          .returning('word')
          .executeTakeFirst()
        if (row === undefined) return false
        await appendAudit(trx, {
          commentId: null,
          readerHash: null,
          action: 'word:added',
          actor,
          note: word,
          at,
        })
        return true
      })
      if (added) await changed(word, 'added')
      return { word, added }
    },
    async remove(text, actor) {
      const word = bannedWordKey(text)
      const at = clock.now()
      const removed = await db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('comment_banned_words')
          .where('word', '=', word)
          .executeTakeFirst()
        if (result.numDeletedRows === 0n) return false
        await appendAudit(trx, {
          commentId: null,
          readerHash: null,
          action: 'word:removed',
          actor,
          note: word,
          at,
        })
        return true
      })
      if (!removed) throw bannedWordNotFound(text.trim().slice(0, BANNED_WORD_MAX_LENGTH))
      await changed(word, 'removed')
    },
    matcher() {
      const now = clock.now().getTime()
      if (current === undefined || until <= now) {
        until = now + BANNED_WORDS_TTL_MS
        const loading = db
          .selectFrom('comment_banned_words')
          .select('word')
          .execute()
          .then((rows) => createBannedWordMatcher([...configured, ...rows.map((r) => r.word)]))
        current = loading
        // A failed read is not kept: the next post asks again.
        loading.catch(() => {
          if (current === loading) current = undefined
        })
      }
      return current
    },
  }
}
