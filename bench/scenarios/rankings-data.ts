/**
 * Builds the rankings benchmark's data fast: synthetic stories in topic clusters and ~10 million
 * view events aggregated into hourly buckets, written with prepared statements in transactions.
 */

import BetterSqlite3 from 'better-sqlite3'
import { createSeededRandom } from '../../src/lib/seeded-random.js'

const HOUR_MS = 3_600_000
const SECTIONS = ['Asia', 'World', 'Business', 'Latest', 'Debate']
const TOPICS = 400
const WORDS_PER_TOPIC = 60
const COMMON_WORDS = 3000
const BODY_WORDS = 350

export interface BuiltData {
  articles: number
  events: number
  buckets: number
  /** Buckets in the last 7 days (what the rankings hold in memory). */
  weekBuckets: number
  textBytes: number
}

/** Pronounceable pseudo-words: distinct, stable for a seed, never English stop words. */
function wordList(random: () => number, count: number, taken: Set<string>): string[] {
  const onsets = [
    'b',
    'br',
    'c',
    'd',
    'f',
    'g',
    'k',
    'l',
    'm',
    'n',
    'p',
    'r',
    's',
    't',
    'tr',
    'v',
    'z',
  ]
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou']
  const codas = ['', 'n', 'r', 'l', 'st', 'm', 'x']
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const words: string[] = []
  while (words.length < count) {
    const syllables = 2 + Math.floor(random() * 2)
    let word = ''
    for (let s = 0; s < syllables; s++) word += pick(onsets) + pick(vowels)
    word += pick(codas)
    if (taken.has(word)) continue
    taken.add(word)
    words.push(word)
  }
  return words
}

/** A Poisson draw (Knuth for small means, a rounded normal for large ones). */
function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 30) {
    const normal = Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random())
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal))
  }
  const limit = Math.exp(-mean)
  let k = 0
  let p = random()
  while (p > limit) {
    k += 1
    p *= random()
  }
  return k
}

/**
 * Writes `articles` published stories (over the last `days` days) and about `events` views into
 * the migrated SQLite file at `filename`: each story's views follow a power-law popularity and
 * decay after publication (half-life 18 h over its first four days), plus a long tail of late
 * readers on random later hours.
 */
export function buildRankingData(
  filename: string,
  options: { articles: number; events: number; days: number; now: Date },
): BuiltData {
  const seeded = createSeededRandom(20261123)
  const random = (): number => seeded.next()
  const sqlite = new BetterSqlite3(filename)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF')
  const nowMs = options.now.getTime()
  const nowHour = Math.floor(nowMs / HOUR_MS) * HOUR_MS
  const iso = (ms: number): string => new Date(ms).toISOString()

  const taken = new Set<string>()
  const common = wordList(random, COMMON_WORDS, taken)
  const topics = Array.from({ length: TOPICS }, () => wordList(random, WORDS_PER_TOPIC, taken))
  const zipf = (list: readonly string[]): string =>
    list[Math.floor(list.length * random() ** 2.5)] ?? list[0]!
  const sentence = (topic: readonly string[], words: number): string => {
    const out: string[] = []
    for (let i = 0; i < words; i++) out.push(random() < 0.35 ? zipf(topic) : zipf(common))
    return out.join(' ')
  }

  const insertSection = sqlite.prepare(
    'insert into sections (slug, name, description, position, created_at) values (?, ?, ?, ?, ?)',
  )
  const insertArticle = sqlite.prepare(
    `insert into articles (slug, section_id, headline, dek, body_markdown, body_html, word_count,
       status, lead_photo_id, published_at, updated_at, created_at, modified_at)
     values (?, ?, ?, ?, ?, '', ?, 'published', null, ?, null, ?, ?)`,
  )
  const insertTag = sqlite.prepare('insert into tags (slug, name) values (?, ?)')
  const insertArticleTag = sqlite.prepare(
    'insert into article_tags (article_id, tag_id) values (?, ?)',
  )
  const insertBucket = sqlite.prepare(
    'insert into article_views_hourly (article_id, hour, views) values (?, ?, ?)',
  )

  const built: BuiltData = { articles: 0, events: 0, buckets: 0, weekBuckets: 0, textBytes: 0 }
  const weekStart = nowHour - (7 * 24 - 1) * HOUR_MS
  const span = options.days * 24 * HOUR_MS
  // Power-law popularity: a few stories take most of the views, as on any news site.
  const weights = Array.from({ length: options.articles }, () => 1 / (random() + 0.002) ** 1.1)
  const weightSum = weights.reduce((a, b) => a + b, 0)

  sqlite.transaction(() => {
    const sectionIds = SECTIONS.map((name, i) =>
      Number(insertSection.run(name.toLowerCase(), name, '', i, iso(nowMs)).lastInsertRowid),
    )
    const tagIds = topics.map((topic, i) =>
      Number(insertTag.run(`tag-${i}`, `${topic[0]} ${topic[1]}`).lastInsertRowid),
    )
    for (let i = 0; i < options.articles; i++) {
      const topicIndex = Math.floor(random() * TOPICS)
      const topic = topics[topicIndex]!
      const publishedAt = nowMs - Math.floor(random() * span)
      const body = Array.from({ length: BODY_WORDS / 25 }, () => sentence(topic, 25)).join('.\n\n')
      const headline = sentence(topic, 8)
      const dek = sentence(topic, 16)
      built.textBytes += body.length + headline.length + dek.length
      const id = Number(
        insertArticle.run(
          `story-${i}`,
          sectionIds[i % sectionIds.length],
          headline,
          dek,
          body,
          BODY_WORDS,
          iso(publishedAt),
          iso(publishedAt),
          iso(publishedAt),
        ).lastInsertRowid,
      )
      insertArticleTag.run(id, tagIds[topicIndex])
      insertArticleTag.run(id, tagIds[(topicIndex + 1) % TOPICS])

      // This story's views: most in the first four days, the rest on random later hours.
      const views = (options.events * weights[i]!) / weightSum
      const firstHour = Math.floor(publishedAt / HOUR_MS) * HOUR_MS
      const hours = new Map<number, number>()
      const head = views * 0.9
      const norm = (1 - 2 ** (-96 / 18)) / (1 - 2 ** (-1 / 18))
      for (let h = 0; h < 96; h++) {
        const hour = firstHour + h * HOUR_MS
        if (hour > nowHour) break
        const count = poisson(random, (head * 2 ** (-h / 18)) / norm)
        if (count > 0) hours.set(hour, count)
      }
      const tail = poisson(random, views * 0.1)
      const tailSpan = Math.max(1, (nowHour - firstHour) / HOUR_MS)
      for (let k = 0; k < tail; k++) {
        const hour = firstHour + Math.floor(random() * tailSpan) * HOUR_MS
        hours.set(hour, (hours.get(hour) ?? 0) + 1)
      }
      for (const [hour, count] of hours) {
        insertBucket.run(id, iso(hour), count)
        built.events += count
        built.buckets += 1
        if (hour >= weekStart) built.weekBuckets += 1
      }
      built.articles += 1
    }
  })()
  sqlite.pragma('optimize')
  sqlite.close()
  return built
}
