/**
 * Named (server-side prepared) statements for the SQL that PostgreSQL sees again and again.
 *
 * Kysely's pg driver sends every query unnamed, so the server parses, analyses and plans it on
 * every call: 0.1–0.8 ms per statement on a story-page cache miss at 100,000 stories, more than
 * running most of them. A named statement is parsed once per connection; after five runs
 * PostgreSQL may also keep a generic plan when it costs no more than a custom one
 * (`plan_cache_mode = auto`). The texts come from our query builders, so a few hundred cover the
 * whole site; a text is named on its second sighting (one-off SQL never takes a slot), batch
 * writes with many values are never named, and at most `limit` texts are named per process.
 *
 * Two ways a prepared statement can fail where the unnamed one would not, both handled here:
 * a migration changed a table's columns under a `select *` ("cached plan must not change result
 * type"), or a pooler in front dropped the session's statements ("prepared statement does not
 * exist"). The query is run again unnamed and the connection is closed when released, so the
 * next one starts clean. Inside a transaction the retry fails too (the transaction is already
 * aborted) and the first error is the one thrown.
 */

import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import type pg from 'pg'

/** How many distinct texts may be waiting for their second sighting before the list restarts. */
const SIGHTED_LIMIT = 2000

/**
 * Statements with more values than this stay unnamed: they are batch writes whose row count
 * varies (a flush's VALUES lists), so their texts seldom repeat and would use up the limit.
 */
const MAX_NAMED_VALUES = 64

/**
 * SQLSTATEs of a prepared statement gone stale (0A000) or missing (26000). All of 0A000 is taken,
 * not only "cached plan must not change result type": the server may translate its messages
 * (lc_messages), and any other 0A000 fails the unnamed retry as well, so it costs a round trip
 * and a fresh connection, never a wrong answer.
 */
const STALE_STATEMENT_CODES = new Set(['0A000', '26000'])

/** A pg error from the server carries its SQLSTATE as `code`. */
function isStaleStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && STALE_STATEMENT_CODES.has(code)
}

/** Statement names by SQL text, shared by every connection of one pool. */
export interface StatementNames {
  /** The name to prepare `text` under, or undefined to send it unnamed. */
  nameOf(text: string): string | undefined
  /** How many texts have a name. */
  readonly size: number
}

/** Names a text on its second sighting, at most `limit` of them. */
export function createStatementNames(limit: number): StatementNames {
  const names = new Map<string, string>()
  const sighted = new Set<string>()
  return {
    nameOf(text) {
      const name = names.get(text)
      if (name !== undefined || names.size >= limit) return name
      if (!sighted.delete(text)) {
        if (sighted.size >= SIGHTED_LIMIT) sighted.clear()
        sighted.add(text)
        return undefined
      }
      const named = `masthead_${names.size + 1}`
      names.set(text, named)
      return named
    },
    get size() {
      return names.size
    },
  }
}

/** `pool` for Kysely's PostgresDialect, sending repeated SQL as named statements. */
export function withPreparedStatements(pool: pg.Pool, limit: number): PostgresPool {
  const names = createStatementNames(limit)
  /** Connections whose prepared statements went stale: closed, not reused, when released. */
  const stale = new WeakSet<pg.PoolClient>()

  const run = async (
    client: pg.PoolClient,
    text: string,
    values: readonly unknown[],
  ): Promise<pg.QueryResult> => {
    const name = values.length > MAX_NAMED_VALUES ? undefined : names.nameOf(text)
    if (name === undefined) return client.query(text, values as unknown[])
    try {
      return await client.query({ name, text, values: values as unknown[] })
    } catch (error) {
      if (!isStaleStatement(error)) throw error
      stale.add(client)
      try {
        return await client.query(text, values as unknown[])
      } catch {
        throw error
      }
    }
  }

  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(text: string, values: readonly unknown[]): Promise<PostgresQueryResult<R>>
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>
    function query<R>(
      textOrCursor: string | PostgresCursor<R>,
      values?: readonly unknown[],
    ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never)
      // pg reports any command tag as a string; Kysely's type lists the ones it reads.
      return run(client, textOrCursor, values ?? []) as Promise<PostgresQueryResult<R>>
    }
    return {
      query,
      release: () => client.release(stale.has(client)),
    }
  }

  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  }
}
