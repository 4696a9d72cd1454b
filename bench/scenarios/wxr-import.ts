/**
 * A WordPress archive moving in: a generated WXR 1.2 file of 10,000 posts (plus pages, menu items
 * and image attachments whose files are in a --media folder), imported by the real command in a
 * process of its own, timed, with that process's peak RSS; then imported again, which must
 * update and create nothing new (idempotence at scale).
 */

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { MetricRow, ScenarioResult } from './scenario.js'

/** The first import of the archive must finish under this. */
const IMPORT_TARGET_MS = 60_000
const MiB = 2 ** 20
const ROOT = path.resolve(import.meta.dirname, '../..')
const SECTIONS = ['Politics', 'Business', 'Science', 'Culture', 'Sport', 'Weather', 'Health']
const PARAGRAPH_WORDS =
  'council harbour budget ferry tide market school vote report plan storm bridge library river union'.split(
    ' ',
  )

/** A paragraph of plausible filler, different per post and paragraph. */
function paragraph(post: number, n: number): string {
  const words: string[] = []
  for (let i = 0; i < 45; i++)
    words.push(PARAGRAPH_WORDS[(post * 7 + n * 13 + i * 3) % PARAGRAPH_WORDS.length] ?? 'news')
  const text = words.join(' ')
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`
}

const cdata = (text: string): string => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

/** Writes the export (streamed: it is tens of MB) and the media folder; resolves with counts. */
export async function writeArchive(
  file: string,
  mediaDir: string,
  posts: number,
  photos: number,
): Promise<{ bytes: number }> {
  const out = fs.createWriteStream(file)
  const write = (chunk: string): Promise<void> =>
    out.write(chunk) ? Promise.resolve() : new Promise((r) => out.once('drain', () => r()))
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>The Estuary Post</title><link>https://estuary-post.example</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://estuary-post.example</wp:base_site_url>
`)
  for (let a = 1; a <= 40; a++)
    await write(
      `<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`writer${a}`)}</wp:author_login><wp:author_display_name>${cdata(`Writer Number ${a}`)}</wp:author_display_name></wp:author>\n`,
    )
  for (const [i, name] of SECTIONS.entries())
    await write(
      `<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${cdata(name.toLowerCase())}</wp:category_nicename><wp:cat_name>${cdata(name)}</wp:cat_name></wp:category>\n`,
    )
  // One small photo file, copied under every attachment's uploads path.
  const jpeg = await sharp({
    create: { width: 640, height: 427, channels: 3, background: { r: 40, g: 90, b: 120 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer()
  let attachmentId = 900_000
  for (let p = 1; p <= posts; p++) {
    const year = 2010 + (p % 15)
    const month = String((p % 12) + 1).padStart(2, '0')
    const day = String((p % 28) + 1).padStart(2, '0')
    const date = `${year}-${month}-${day} ${String(p % 24).padStart(2, '0')}:15:00`
    const slug = `story-${p}-${PARAGRAPH_WORDS[p % PARAGRAPH_WORDS.length]}`
    const withPhoto = p <= photos
    let thumbnail = ''
    if (withPhoto) {
      attachmentId++
      const upload = `${year}/${month}/photo-${p}.jpg`
      fs.mkdirSync(path.join(mediaDir, `${year}/${month}`), { recursive: true })
      fs.writeFileSync(path.join(mediaDir, upload), jpeg)
      await write(`<item><title>${cdata(`Photo for story ${p}`)}</title>
<wp:post_id>${attachmentId}</wp:post_id><wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
<wp:post_name>${cdata(`photo-${p}`)}</wp:post_name><wp:status>${cdata('inherit')}</wp:status>
<wp:post_type>${cdata('attachment')}</wp:post_type><wp:post_parent>${p}</wp:post_parent>
<excerpt:encoded>${cdata(`Scene of story ${p}`)}</excerpt:encoded>
<wp:attachment_url>${cdata(`https://estuary-post.example/wp-content/uploads/${upload}`)}</wp:attachment_url>
<wp:postmeta><wp:meta_key>${cdata('_wp_attached_file')}</wp:meta_key><wp:meta_value>${cdata(upload)}</wp:meta_value></wp:postmeta>
</item>\n`)
      thumbnail = `<wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata(String(attachmentId))}</wp:meta_value></wp:postmeta>`
    }
    const body = [0, 1, 2, 3, 4, 5]
      .map((n) =>
        n === 2
          ? `<h2>What happens next</h2>\n<p>${paragraph(p, n)} <a href="https://estuary-post.example/${slug}/">More</a></p>`
          : `<p>${paragraph(p, n)}</p>`,
      )
      .join('\n')
    const section = SECTIONS[p % SECTIONS.length] ?? 'Politics'
    await write(`<item><title>${cdata(`Story ${p}: the ${PARAGRAPH_WORDS[p % 15]} question`)}</title>
<link>https://estuary-post.example/${year}/${month}/${slug}/</link>
<dc:creator>${cdata(`writer${(p % 40) + 1}`)}</dc:creator>
<content:encoded>${cdata(body)}</content:encoded>
<excerpt:encoded>${cdata(`What story ${p} means for the ${PARAGRAPH_WORDS[(p + 3) % 15]}.`)}</excerpt:encoded>
<wp:post_id>${p}</wp:post_id><wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
<wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata(p % 50 === 0 ? 'draft' : 'publish')}</wp:status>
<wp:post_type>${cdata('post')}</wp:post_type>
<category domain="category" nicename="${section.toLowerCase()}">${cdata(section)}</category>
<category domain="post_tag" nicename="tag-${p % 200}">${cdata(`Tag ${p % 200}`)}</category>
<category domain="post_tag" nicename="tag-${(p * 7) % 200}">${cdata(`Tag ${(p * 7) % 200}`)}</category>
${thumbnail}</item>\n`)
    // A page and a menu item now and then: skipped and listed, as in a real export.
    if (p % 500 === 0)
      await write(
        `<item><title>${cdata(`About page ${p}`)}</title><wp:post_id>${800_000 + p}</wp:post_id><wp:post_type>${cdata('page')}</wp:post_type><wp:status>${cdata('publish')}</wp:status><content:encoded>${cdata('<p>About us.</p>')}</content:encoded></item>\n<item><title>${cdata('Menu')}</title><wp:post_id>${850_000 + p}</wp:post_id><wp:post_type>${cdata('nav_menu_item')}</wp:post_type><wp:status>${cdata('publish')}</wp:status></item>\n`,
      )
  }
  await write('</channel>\n</rss>\n')
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  return { bytes: fs.statSync(file).size }
}

/** Runs `masthead import wxr` in its own process; resolves with its wall time, peak RSS and output. */
function runImport(
  file: string,
  mediaDir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; peakRss: number; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/masthead.js'), 'import', 'wxr', file, '--media', mediaDir],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    let peakRss = 0
    // VmHWM is the kernel's own high-water mark of the process's RSS: polling it misses nothing
    // but the last few milliseconds.
    const poll = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
        peakRss = Math.max(peakRss, kb * 1024)
      } catch {
        // The process has just exited.
      }
    }, 20)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(poll)
      resolve({ ms: performance.now() - started, peakRss, code, output })
    })
  })
}

/** The summary's first line ("Imported FILE in N s: … created, … updated, … skipped …"). */
const summaryOf = (output: string): string =>
  output.split('\n').find((line) => line.startsWith('Imported ')) ?? output.slice(-2000)

/** Generates the archive, imports it twice, and reports time, throughput and peak RSS. */
export async function wxrImportScenario(options: {
  posts: number
  photos: number
  log: (message: string) => void
}): Promise<ScenarioResult> {
  const { posts, photos, log } = options
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-wxr-bench-'))
  try {
    const file = path.join(dir, 'estuary-post.wxr')
    const mediaDir = path.join(dir, 'uploads')
    const { bytes } = await writeArchive(file, mediaDir, posts, photos)
    log(
      `wxr: ${posts.toLocaleString('en')} posts, ${photos} photos, ${(bytes / MiB).toFixed(1)} MiB`,
    )
    const env = {
      ...process.env,
      MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'masthead.db')}`,
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_DEMO: 'false',
      MASTHEAD_LOG_LEVEL: 'warn',
    }
    const first = await runImport(file, mediaDir, env)
    if (first.code !== 0) throw new Error(`import wxr exited ${first.code}:\n${first.output}`)
    log(`wxr: first import ${(first.ms / 1000).toFixed(1)} s: ${summaryOf(first.output)}`)
    const again = await runImport(file, mediaDir, env)
    if (again.code !== 0)
      throw new Error(`second import wxr exited ${again.code}:\n${again.output}`)
    log(`wxr: second import ${(again.ms / 1000).toFixed(1)} s: ${summaryOf(again.output)}`)
    const rows: MetricRow[] = [
      {
        metric: `WXR import, ${posts.toLocaleString('en')} posts + ${photos} photos (${(bytes / MiB).toFixed(0)} MiB)`,
        value: `${(first.ms / 1000).toFixed(1)} s`,
        target: `< ${IMPORT_TARGET_MS / 1000} s`,
        pass: first.ms < IMPORT_TARGET_MS,
      },
      {
        metric: 'WXR import peak RSS (the import process)',
        value: `${(first.peakRss / MiB).toFixed(0)} MiB`,
        target: '',
        pass: undefined,
      },
      {
        metric: 'WXR re-import of the same file (nothing new)',
        value: `${(again.ms / 1000).toFixed(1)} s, ${(again.peakRss / MiB).toFixed(0)} MiB`,
        target: '',
        pass: undefined,
      },
    ]
    return {
      name: 'wxr-import',
      data: {
        posts,
        photos,
        fileBytes: bytes,
        firstMs: first.ms,
        firstPeakRss: first.peakRss,
        firstSummary: summaryOf(first.output),
        againMs: again.ms,
        againPeakRss: again.peakRss,
        againSummary: summaryOf(again.output),
      },
      rows,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
