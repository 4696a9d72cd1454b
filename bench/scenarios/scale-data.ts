/**
 * The scale bench's archive: 100,000 stories and ~10 million views (the rankings bench's builder)
 * plus bylines and rendered bodies on an SQLite file, and the same rows copied into PostgreSQL.
 * Both are kept (MASTHEAD_BENCH_SCALE_DB names the file) so query tuning need not rebuild them.
 */

import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import pg from 'pg'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { createSeededRandom } from '../../src/lib/seeded-random.js'
import { type BuiltData, buildRankingData } from './rankings-data.js'

const AUTHORS = 400
/** Rows per INSERT when copying into PostgreSQL. */
const BATCH = 1000
/** What the archive holds, parents first, each with the column its pages are read by. */
const TABLES = [
  ['sections', 'id'],
  ['tags', 'id'],
  ['authors', 'id'],
  ['articles', 'id'],
  ['article_tags', 'article_id'],
  ['article_authors', 'article_id'],
  ['article_views_hourly', 'article_id'],
] as const

/** What a built archive holds, stored beside the file as `<file>.json`. */
export interface ScaleArchive extends BuiltData {
  /** When the stories were dated from (ISO). */
  builtAt: string
}

/** Bylines (two on one story in ten) and HTML bodies: what the rankings builder leaves out. */
function addReadingData(filename: string, now: Date): void {
  const random = createSeededRandom(20261205)
  const sqlite = new BetterSqlite3(filename)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF')
  const insertAuthor = sqlite.prepare(
    `insert into authors (slug, name, job_title, bio, email, photo_id, user_id, created_at)
     values (?, ?, 'Reporter', '', '', null, null, ?)`,
  )
  const byline = sqlite.prepare(
    'insert into article_authors (article_id, author_id, position) values (?, ?, ?)',
  )
  sqlite.transaction(() => {
    const authorIds: number[] = []
    for (let i = 0; i < AUTHORS; i++)
      authorIds.push(
        Number(insertAuthor.run(`author-${i}`, `Author ${i}`, now.toISOString()).lastInsertRowid),
      )
    const pick = (): number => authorIds[Math.floor(random.next() ** 2 * AUTHORS)]!
    for (const id of sqlite.prepare('select id from articles').pluck().all() as number[]) {
      const first = pick()
      byline.run(id, first, 0)
      const second = pick()
      if (random.next() < 0.1 && second !== first) byline.run(id, second, 1)
    }
    // The builder's paragraphs are separated by blank lines; readers get them as <p>s.
    sqlite.exec(
      `update articles set body_html =
         '<p>' || replace(body_markdown, char(10) || char(10), '</p><p>') || '</p>'`,
    )
  })()
  sqlite.exec('analyze')
  sqlite.close()
}

/**
 * The archive at `filename`: reused when it and its `.json` exist, else built (minutes).
 * @example const archive = await scaleArchive('/work/scratch/scale.db', { articles: 100_000, events: 10_000_000 }, log)
 */
export async function scaleArchive(
  filename: string,
  size: { articles: number; events: number },
  log: (message: string) => void,
): Promise<ScaleArchive> {
  const about = `${filename}.json`
  if (fs.existsSync(filename) && fs.existsSync(about)) {
    const kept = JSON.parse(fs.readFileSync(about, 'utf8')) as ScaleArchive
    if (kept.articles === size.articles) {
      log(`scale: reusing ${filename} (built ${kept.builtAt})`)
      // The build of a newer checkout may add migrations (e.g. indexes): apply them.
      const handle = openDatabase({ kind: 'sqlite', filename })
      await migrateToLatest(handle)
      await handle.close()
      return kept
    }
  }
  for (const suffix of ['', '-wal', '-shm', '.json'])
    fs.rmSync(`${filename}${suffix}`, { force: true })
  fs.mkdirSync(path.dirname(filename), { recursive: true })
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000)
  const started = performance.now()
  const handle = openDatabase({ kind: 'sqlite', filename })
  await migrateToLatest(handle)
  await handle.close()
  log(
    `scale: building ${size.articles.toLocaleString('en')} stories and ~${size.events.toLocaleString('en')} views into ${filename}`,
  )
  const built = buildRankingData(filename, { ...size, days: 60, now })
  addReadingData(filename, now)
  const archive: ScaleArchive = { ...built, builtAt: now.toISOString() }
  fs.writeFileSync(about, JSON.stringify(archive))
  log(`scale: built in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return archive
}

/** Runs one statement on its own connection to `url`. */
async function adminQuery(url: string, statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * Makes the PostgreSQL database at `url` hold the archive in `filename`: created (through the
 * server's `postgres` database) when missing, migrated, and copied unless it already holds as
 * many stories with the same newest one. Only that database is ever created or emptied.
 */
export async function postgresArchive(
  url: string,
  filename: string,
  log: (message: string) => void,
): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`--scale-pg: no plain database name in ${url}`)
  const server = new URL(url)
  server.pathname = '/postgres'
  const exists = await adminQuery(
    server.href,
    `select 1 from pg_database where datname = '${name}'`,
  )
  if (exists.rowCount === 0) await adminQuery(server.href, `create database "${name}"`)
  const handle = openDatabase({ kind: 'postgres', url }, { poolSize: 4 })
  try {
    await migrateToLatest(handle)
    const sqlite = new BetterSqlite3(filename, { readonly: true })
    try {
      const fingerprint = (row: { n: unknown; newest: unknown } | undefined): string => {
        const newest = row?.newest
        const at =
          newest instanceof Date ? newest.toISOString() : typeof newest === 'string' ? newest : ''
        return `${Number(row?.n ?? 0)}/${at}`
      }
      const want = fingerprint(
        sqlite.prepare('select count(*) as n, max(published_at) as newest from articles').get() as {
          n: number
          newest: string
        },
      )
      const have = fingerprint(
        await handle.db
          .selectFrom('articles')
          .select((eb) => [
            eb.fn.countAll<string>().as('n'),
            eb.fn.max('published_at').as('newest'),
          ])
          .executeTakeFirst(),
      )
      if (want === have) {
        log(`scale: reusing PostgreSQL database ${name}`)
        return
      }
      log(`scale: copying the archive into PostgreSQL database ${name}`)
      const started = performance.now()
      await copyTables(handle, sqlite)
      log(`scale: copied in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    } finally {
      sqlite.close()
    }
  } finally {
    await handle.close()
  }
}

/** Empties the archive's tables in `handle` and copies every row of them from `sqlite`. */
async function copyTables(handle: DatabaseHandle, sqlite: BetterSqlite3.Database): Promise<void> {
  const names = TABLES.map(([table]) => table)
  await adminQueryOn(handle, `truncate ${names.join(', ')} restart identity cascade`)
  for (const [table, key] of TABLES) {
    // Pages by `key`; a page ends on a whole key so composite-key tables never split a story.
    const read = sqlite.prepare(`select * from ${table} where ${key} > ? order by ${key} limit ?`)
    let after = 0
    for (;;) {
      const rows = read.all(after, BATCH) as Record<string, unknown>[]
      if (rows.length === 0) break
      const last = rows.at(-1)?.[key] as number
      const whole =
        key !== 'id' && rows.length === BATCH ? rows.filter((r) => r[key] !== last) : rows
      // A story with more than a page of rows (a popular story's hours): read it on its own.
      const page =
        whole.length > 0
          ? whole
          : (sqlite.prepare(`select * from ${table} where ${key} = ?`).all(last) as Record<
              string,
              unknown
            >[])
      await handle.db.insertInto(table).values(page).execute()
      after = page.at(-1)?.[key] as number
    }
  }
  // Ids were copied as they are: move each sequence past them.
  for (const table of ['sections', 'tags', 'authors', 'articles'])
    await adminQueryOn(
      handle,
      `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
    )
  // What autovacuum does within a minute or two of a restore: statistics, and the visibility map
  // that lets PostgreSQL answer list pages and counts from the index alone.
  await adminQueryOn(handle, 'vacuum (analyze)')
}

async function adminQueryOn(handle: DatabaseHandle, statement: string): Promise<void> {
  await sql.raw(statement).execute(handle.db)
}
