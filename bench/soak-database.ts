/**
 * The soak's PostgreSQL database: created fresh on a local server, seeded by `masthead seed`,
 * read at the end to check the views and comments the servers acknowledged, then dropped.
 */

import { spawn } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'
import { STORIES_PER_PAGE } from '../src/web/site/pages/story-list-page.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export interface SoakDatabase {
  /** The database's name (masthead_soak_…). */
  readonly name: string
  /** The URL the servers connect to. */
  readonly url: string
  /** Runs `text` on a short-lived connection; resolves with the rows. */
  query<Row>(text: string, values?: unknown[]): Promise<Row[]>
  /** Drops the database, disconnecting whoever is still connected. */
  drop(): Promise<void>
}

/**
 * Creates `masthead_soak_<time>_<pid>` on the PostgreSQL server at `serverUrl` (its host must be
 * this machine: the soak creates and drops databases).
 */
export async function createSoakDatabase(serverUrl: string): Promise<SoakDatabase> {
  const server = new URL(serverUrl)
  if (!LOCAL_HOSTS.has(server.hostname))
    throw new Error(`the soak runs on this machine only; ${server.hostname} is not 127.0.0.1`)
  const name = `masthead_soak_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`
  const adminUrl = new URL(server)
  adminUrl.pathname = '/postgres'
  const admin = async <Row>(text: string, values?: unknown[]): Promise<Row[]> => {
    const client = new pg.Client({ connectionString: adminUrl.href })
    await client.connect()
    try {
      return (await client.query(text, values)).rows as Row[]
    } finally {
      await client.end()
    }
  }
  await admin(`create database "${name}"`)
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    name,
    url: url.href,
    query: async <Row>(text: string, values?: unknown[]): Promise<Row[]> => {
      const client = new pg.Client({ connectionString: url.href })
      await client.connect()
      try {
        return (await client.query(text, values)).rows as Row[]
      } finally {
        await client.end()
      }
    },
    drop: async () => {
      await admin(`drop database if exists "${name}" with (force)`)
    },
  }
}

/** Runs the compiled `masthead seed --articles N` against `env`'s database; rejects on failure. */
export async function seedDemo(env: Record<string, string>, articles: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['bin/masthead.js', 'seed', '--articles', String(articles)],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  // The output names the demo administrator's password: kept for a failure message only.
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`masthead seed exited with ${code}:\n${output.slice(-2000)}`)
}

/** A published story as the load generator addresses it. */
export interface StoryPath {
  section: string
  slug: string
}

/** A section page the load may ask for (its pages past the first too, never past the last). */
export interface SectionPath {
  slug: string
  pages: number
}

/** The published stories (newest first) and the sections of the seeded site. */
export async function siteMap(
  db: SoakDatabase,
): Promise<{ stories: StoryPath[]; sections: SectionPath[] }> {
  const stories = await db.query<StoryPath>(
    `select s.slug as section, a.slug from articles a join sections s on s.id = a.section_id
     where a.status = 'published' and a.published_at <= now() order by a.published_at desc`,
  )
  const counts = new Map<string, number>()
  for (const story of stories) counts.set(story.section, (counts.get(story.section) ?? 0) + 1)
  const sections = await db.query<{ slug: string }>('select slug from sections order by position')
  return {
    stories,
    sections: sections.map(({ slug }) => ({
      slug,
      pages: Math.max(1, Math.ceil((counts.get(slug) ?? 0) / STORIES_PER_PAGE)),
    })),
  }
}

/** Every view in the hourly buckets. */
export async function totalViews(db: SoakDatabase): Promise<number> {
  const [row] = await db.query<{ total: string | null }>(
    'select sum(views)::text as total from article_views_hourly',
  )
  return Number(row?.total ?? 0)
}

/** The soak markers (`prefix` followed by digits) found in comment bodies, with each one's status. */
export async function storedMarkers(
  db: SoakDatabase,
  prefix: string,
): Promise<Map<string, { id: number; status: string }>> {
  const rows = await db.query<{ id: number; body: string; status: string }>(
    'select id, body, status from comments where body like $1',
    [`%${prefix}%`],
  )
  const found = new Map<string, { id: number; status: string }>()
  const pattern = new RegExp(`${prefix}\\d+`, 'g')
  for (const row of rows) {
    for (const marker of row.body.match(pattern) ?? [])
      found.set(marker, { id: row.id, status: row.status })
  }
  return found
}
