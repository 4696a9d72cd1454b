/**
 * The distribution benchmark's data: `articles` published stories (with authors, tags, lead
 * photos and a rendered body of about 2 KB) written straight into a migrated SQLite file with
 * prepared statements, so 100,000 stories take seconds instead of the demo seeder's hour.
 */

import BetterSqlite3 from 'better-sqlite3'
import { createSeededRandom } from '../../src/lib/seeded-random.js'

const HOUR_MS = 3_600_000
const SECTIONS = ['Asia', 'World', 'Business', 'Latest', 'Debate']
const AUTHORS = 300
const TAGS = 3000
const PHOTOS = 1000
const PARAGRAPH =
  'The harbour authority said the new berths would open in the spring, after a winter of ' +
  'dredging and repairs to the sea wall; shipping lines welcomed the news, while residents of ' +
  'the old quarter asked for the night-time work to stop before eleven.'

/** Writes the stories into `filename` (already migrated); returns how many stories per window. */
export function buildDistributionData(
  filename: string,
  options: { articles: number; now: Date },
): { articles: number; lastTwoDays: number } {
  const seeded = createSeededRandom(20261203)
  const random = (): number => seeded.next()
  const sqlite = new BetterSqlite3(filename)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF')
  const nowMs = options.now.getTime()
  const iso = (ms: number): string => new Date(ms).toISOString()
  const created = iso(nowMs)
  const body = Array.from({ length: 8 }, () => `<p>${PARAGRAPH}</p>`).join('\n')
  let lastTwoDays = 0

  const run = sqlite.transaction(() => {
    const section = sqlite.prepare(
      'insert into sections (slug, name, description, position, created_at) values (?, ?, ?, ?, ?)',
    )
    const sectionIds = SECTIONS.map((name, i) =>
      Number(section.run(name.toLowerCase(), name, '', i, created).lastInsertRowid),
    )
    const author = sqlite.prepare(
      `insert into authors (slug, name, job_title, bio, email, photo_id, user_id, created_at)
       values (?, ?, 'Reporter', '', '', null, null, ?)`,
    )
    const authorIds = Array.from({ length: AUTHORS }, (_, i) =>
      Number(author.run(`reporter-${i}`, `Reporter ${i}`, created).lastInsertRowid),
    )
    const tag = sqlite.prepare('insert into tags (slug, name) values (?, ?)')
    const tagIds = Array.from({ length: TAGS }, (_, i) =>
      Number(tag.run(`topic-${i}`, `Topic ${i}`).lastInsertRowid),
    )
    const photo = sqlite.prepare(
      `insert into photos (storage_key, mime_type, width, height, alt, caption, credit, created_at)
       values (?, 'image/jpeg', 1600, 1067, 'A photo', 'The harbour at dusk.', 'Harbour Wire', ?)`,
    )
    const photoIds = Array.from({ length: PHOTOS }, (_, i) =>
      Number(photo.run(`2026/11/bench${i}`, created).lastInsertRowid),
    )
    const article = sqlite.prepare(
      `insert into articles (slug, section_id, headline, dek, body_markdown, body_html, word_count,
         status, lead_photo_id, published_at, updated_at, created_at, modified_at)
       values (?, ?, ?, ?, '', ?, 320, 'published', ?, ?, ?, ?, ?)`,
    )
    const byline = sqlite.prepare(
      'insert into article_authors (article_id, author_id, position) values (?, ?, 0)',
    )
    const tagged = sqlite.prepare('insert into article_tags (article_id, tag_id) values (?, ?)')
    for (let i = 0; i < options.articles; i++) {
      // Spread over a year, with the newest 1,500 in the last two days (a busy newsroom).
      const age = i < 1500 ? random() * 47 * HOUR_MS : random() * 365 * 24 * HOUR_MS
      const published = nowMs - Math.floor(age)
      if (age < 48 * HOUR_MS) lastTwoDays += 1
      const updated = random() < 0.2 ? iso(published + HOUR_MS) : null
      const id = Number(
        article.run(
          `story-${i}`,
          sectionIds[i % sectionIds.length],
          `Story ${i}: the harbour berths open in spring`,
          'Shipping lines welcome the news; residents ask for quieter nights.',
          body,
          random() < 0.7 ? photoIds[i % PHOTOS] : null,
          iso(published),
          updated,
          iso(published),
          updated ?? iso(published),
        ).lastInsertRowid,
      )
      byline.run(id, authorIds[Math.floor(random() * AUTHORS)])
      const first = Math.floor(random() * TAGS)
      for (let t = 0; t < 3; t++) tagged.run(id, tagIds[(first + t * 7) % TAGS])
    }
  })
  run()
  sqlite.pragma('optimize')
  sqlite.close()
  return { articles: options.articles, lastTwoDays }
}
