/**
 * Table interfaces of the state several processes share on one database (PostgreSQL): job
 * leases, the daily reader dedupe and address caps, API rate windows. Part of `Database`
 * (schema.ts), kept apart so that file stays within the size budget.
 */

import type { ColumnType } from 'kysely'
import type { DbTime } from './schema.js'

/** Who may run a `one-process` job, until when (the PostgreSQL job lease). */
export interface JobLeasesTable {
  job_name: string
  holder: string
  expires_at: DbTime
}

/** A reader counted for a story on a UTC day (the shared dedupe on PostgreSQL). */
export interface ViewReadersTable {
  /** YYYY-MM-DD. */
  day: string
  article_id: number
  /** The 64-bit daily visitor hash as a signed decimal (pg returns int8 as a string). */
  reader: ColumnType<string, string, never>
  /** When the reader opened the story, ms since the epoch (pg returns int8 as a string). */
  at_ms: ColumnType<number | string, number, never>
}

/** Distinct readers one address (daily hash) added to one story on a UTC day (the shared cap). */
export interface ViewAddressCountsTable {
  day: string
  /** The 64-bit daily address hash as a signed decimal. */
  address: ColumnType<string, string, never>
  article_id: number
  readers: number
}

/** Content API requests of one key in one minute (shared by every process on PostgreSQL). */
export interface ApiRateWindowsTable {
  key_id: number
  /** Milliseconds since the epoch, a multiple of 60,000 (pg returns int8 as a string). */
  window_start: ColumnType<string | number, number, never>
  count: number
}
