/**
 * `masthead export` and `masthead import masthead` at archive scale: the distribution data
 * (stories with bylines, tags and lead photos) plus a revision and a comment per story and a
 * file per photo rendition, exported to one file, then restored into an empty database with the
 * search index rebuilt. Reports the times, the file's size and the peak RSS of each half.
 */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { buildServices } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { photoCrops, photoVariants } from '../../src/media/index.js'
import { peakTracker } from './distribution.js'
import { buildDistributionData } from './distribution-data.js'
import type { MetricRow, ScenarioResult } from './scenario.js'

const MiB = 1024 * 1024

/** What the distribution data lacks and a real archive has: a revision and a comment per story, photo files. */
function addArchiveDetail(filename: string, mediaDir: string): number {
  const sqlite = new BetterSqlite3(filename)
  try {
    sqlite.exec(`insert into article_revisions (article_id, version, user_id, headline, dek, body_markdown, restored_from, created_at)
      select id, 1, null, headline, dek, body_markdown, null, created_at from articles`)
    sqlite.exec(`insert into comments (article_id, parent_id, author_name, author_email, body, status, reader_hash, created_at, hold_reason, report_count, approved_at)
      select id, null, 'A reader', null, 'Thanks for the clear report on the harbour works.', 'published', null, created_at, null, 0, null from articles`)
    const photos = sqlite.prepare('select storage_key, width, height from photos').all() as {
      storage_key: string
      width: number
      height: number
    }[]
    // Small placeholder bytes: the export copies files without decoding them (real ones are ~10x bigger).
    const bytes = Buffer.alloc(4 * 1024, 7)
    let files = 0
    for (const photo of photos) {
      const fields = { storageKey: photo.storage_key, width: photo.width, height: photo.height }
      for (const variant of [...photoVariants(fields), ...photoCrops(fields)]) {
        const file = path.join(mediaDir, ...variant.url.replace(/^\/media\//, '').split('/'))
        fs.mkdirSync(path.dirname(file), { recursive: true })
        fs.writeFileSync(file, bytes)
        files++
      }
    }
    return files
  } finally {
    sqlite.close()
  }
}

/** Seeds `articles` stories, exports them, restores them into an empty database; measures both. */
export async function exportRestoreScenario(options: {
  articles: number
  log: (message: string) => void
}): Promise<ScenarioResult> {
  const { log } = options
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-export-bench-'))
  const envOf = (name: string) => ({
    MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, `${name}.db`)}`,
    MASTHEAD_MEDIA_DIR: path.join(dir, `media-${name}`),
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_SITE_URL: 'https://news.example.org',
  })
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  try {
    // Migrates the file; the data goes in beside it through a second connection.
    const source = await buildServices(parseConfig(envOf('source'), dir))
    let started = performance.now()
    buildDistributionData(path.join(dir, 'source.db'), { articles: options.articles, now: new Date() }) // prettier-ignore
    const photoFiles = addArchiveDetail(path.join(dir, 'source.db'), path.join(dir, 'media-source'))
    log(
      `export: ${options.articles.toLocaleString('en')} stories and ${photoFiles.toLocaleString('en')} photo files written in ${seconds(performance.now() - started)}`,
    )
    const file = path.join(dir, 'site.json')
    const exportPeak = peakTracker()
    started = performance.now()
    let exported
    try {
      exported = await source.imports.exportSite(file, {
        now: new Date(),
        site: { ...source.config.site },
        settings: {},
      })
    } finally {
      await source.close()
    }
    const exportMs = performance.now() - started
    const exportMemory = exportPeak.stop()
    log(`export: ${seconds(exportMs)}, ${(exported.bytes / MiB).toFixed(1)} MiB file, ${exported.files.toLocaleString('en')} files copied`) // prettier-ignore

    const target = await buildServices(parseConfig(envOf('target'), dir))
    const restorePeak = peakTracker()
    started = performance.now()
    let restored
    let indexed
    try {
      restored = await target.imports.restoreSite(file)
      indexed = await target.search.rebuild()
    } finally {
      await target.close()
    }
    const restoreMs = performance.now() - started
    const restoreMemory = restorePeak.stop()
    log(`import: ${seconds(restoreMs)}, ${restored.files.toLocaleString('en')} files stored, ${indexed.toLocaleString('en')} stories indexed`) // prettier-ignore
    if (restored.counts.stories !== exported.counts.stories)
      throw new Error('the restore did not bring back every story')

    const rows: MetricRow[] = [
      { metric: `export ${options.articles.toLocaleString('en')} stories`, value: seconds(exportMs), target: '', pass: undefined }, // prettier-ignore
      { metric: 'export peak RSS', value: `${(exportMemory.rss / MiB).toFixed(0)} MiB`, target: '', pass: undefined }, // prettier-ignore
      { metric: `import masthead ${options.articles.toLocaleString('en')} stories (+ search)`, value: seconds(restoreMs), target: '', pass: undefined }, // prettier-ignore
      { metric: 'import masthead peak RSS', value: `${(restoreMemory.rss / MiB).toFixed(0)} MiB`, target: '', pass: undefined }, // prettier-ignore
    ]
    return {
      name: 'export',
      data: {
        articles: options.articles,
        fileBytes: exported.bytes,
        photoFiles: exported.files,
        exportMs,
        exportPeakRss: exportMemory.rss,
        exportPeakHeap: exportMemory.heap,
        restoreMs,
        restorePeakRss: restoreMemory.rss,
        restorePeakHeap: restoreMemory.heap,
        indexed,
      },
      rows,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
