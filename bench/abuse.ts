/**
 * `node --import tsx bench/abuse.ts`: replays issue 16's floods against a local server on a temp
 * SQLite file (127.0.0.1 only, bounded in time) and prints what got through.
 */

import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { buildServices, buildWeb, closeApp } from '../src/app.js'
import { parseConfig } from '../src/config.js'
import { seedDemo } from '../src/demo/seed-demo.js'

/** Each flood stops here, whatever it has sent. */
const FLOOD_LIMIT_MS = 90_000
const BEACONS = 50_000
const PARALLEL = 50
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0'

const log = (message: string): void => console.log(`[abuse] ${message}`)

/**
 * One request from loopback address `from` (127.0.0.x: each flood its own client address, as the
 * issue's attacker was one client per flood); resolves with the status.
 */
function send(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string; from: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method, headers: options.headers, localAddress: options.from, agent },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('error', reject)
    request.end(options.body)
  })
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

/** Runs `count` tasks, `parallel` at a time, until done or the time limit; resolves with how many ran. */
async function flood(count: number, task: (i: number) => Promise<void>): Promise<number> {
  const deadline = performance.now() + FLOOD_LIMIT_MS
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count && performance.now() < deadline) await task(next++)
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return next
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-abuse-'))
const config = parseConfig(
  {
    MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'abuse.db')}`,
    MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_DEMO: 'false',
    MASTHEAD_SITE_URL: 'http://127.0.0.1:3000',
    // The form's minimum time to submit is not what these floods test.
    MASTHEAD_COMMENTS_MIN_SUBMIT_SECONDS: '0',
  },
  dir,
)
const services = await buildServices(config)
const web = await buildWeb(services)
try {
  log('seeding 20 demo stories')
  await seedDemo(services, { articles: 20, seed: 1, now: new Date() })
  await services.engagement.refresh({ full: true })
  await web.listen({ host: '127.0.0.1', port: 0 })
  const address = web.server.address()
  if (address === null || typeof address !== 'object') throw new Error('no port')
  const origin = `http://127.0.0.1:${address.port}`
  const { items } = await services.newsroom.listArticles({}, 1, 20)
  const [target, commented] = items
  if (target === undefined || commented === undefined) throw new Error('no stories')
  const pagePath = (s: { section: { slug: string }; slug: string }) =>
    `/${s.section.slug}/${s.slug}`
  const page = async (p: string): Promise<string> =>
    (await fetch(`${origin}${p}`, { headers: { 'user-agent': 'abuse-bench-bot' } })).text()
  const rows: [string, string, string][] = []

  // 1. Report flood: 30 comments, three reports each, each report with a new User-Agent.
  const victims: { id: number }[] = []
  for (let i = 0; i < 30; i++) {
    victims.push(
      await services.comments.post({
        articleId: commented.id,
        authorName: 'Victim',
        body: `An honest opinion, number ${i}.`,
      }),
    )
  }
  const stamp = /name="stamp" value="([^"]+)"/.exec(await page(pagePath(commented)))?.[1] ?? ''
  let reports = 0
  await flood(victims.length * 3, async (i) => {
    const victim = victims[Math.floor(i / 3)]
    const status = await send(`${origin}${pagePath(commented)}/comments/${victim?.id}/report`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': `${BROWSER} reporter-${i}`,
      },
      body: `stamp=${encodeURIComponent(stamp)}`,
      from: '127.0.0.2',
    })
    if (status === 303) reports += 1
  })
  let hidden = 0
  for (const victim of victims)
    if ((await services.comments.findVisible(victim.id)) === undefined) hidden += 1
  rows.push([
    'report flood: 90 reports, rotating User-Agents',
    `${hidden} of 30 hidden`,
    '0 hidden',
  ])
  rows.push(['  reports answered 303 (accepted or already counted)', String(reports), ''])

  // 2. Beacon flood: 50,000 beacons with rotating User-Agents and the page's own token.
  await services.engagement.flushViews()
  const before = (await services.engagement.viewsBySlug(target.slug)) ?? 0
  const rankBefore = await rankOf(target.id)
  const token = /data-view-token="([^"]+)"/.exec(await page(pagePath(target)))?.[1] ?? ''
  const started = performance.now()
  const sent = await flood(BEACONS, async (i) => {
    await send(`${origin}/api/v1/views`, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        'user-agent': `${BROWSER} flood-${i}`,
      },
      body: JSON.stringify({ slug: target.slug, token }),
      from: '127.0.0.3',
    })
  })
  const rate = sent / ((performance.now() - started) / 1000)
  await services.engagement.flushViews()
  await services.engagement.refresh()
  const after = (await services.engagement.viewsBySlug(target.slug)) ?? 0
  const cap = config.engagement.viewsPerAddressPerStory
  rows.push([
    `beacon flood: ${sent.toLocaleString('en')} beacons (${Math.round(rate).toLocaleString('en')}/s)`,
    `+${after - before} views`,
    `<= +${cap}`,
  ])
  rows.push(['  Popular Now rank before → after', `${rankBefore} → ${await rankOf(target.id)}`, ''])
  const forged = await fetch(`${origin}/api/v1/views`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': `${BROWSER} forged` },
    body: JSON.stringify({ slug: target.slug, token: '1.1.AAAAAAAAAAAAAAAAAAAAAA' }),
  })
  rows.push(['  beacon with a forged token', String(forged.status), '403'])

  // 3. Twenty posts with twenty User-Agents through the JSON API.
  let posted = 0
  for (let i = 0; i < 20; i++) {
    const status = await send(`${origin}/api/v1/articles/${target.slug}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': `${BROWSER} poster-${i}` },
      body: JSON.stringify({ name: 'Flood', body: `Post number ${i}` }),
      from: '127.0.0.4',
    })
    if (status === 201) posted += 1
  }
  const perAddress = config.comments.addressRatePerMinute
  rows.push(['20 posts with 20 User-Agents', `${posted} accepted`, `<= ${perAddress}`])

  // 4. A hundred concurrent posts of one reader (a fresh story, so earlier posts do not count).
  const racer = items[2] ?? target
  const racing = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      send(`${origin}/api/v1/articles/${racer.slug}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': `${BROWSER} racer` },
        body: JSON.stringify({ name: 'Racer', body: `Racing ${i}` }),
        from: '127.0.0.5',
      }),
    ),
  )
  rows.push([
    '100 concurrent posts, one reader',
    `${racing.filter((s) => s === 201).length} accepted`,
    `<= ${config.comments.ratePerMinute}`,
  ])

  // 5. Cross-site posts: a form-encoded body and a foreign Origin.
  const crossSite = await fetch(`${origin}/api/v1/articles/${target.slug}/comments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
      'user-agent': `${BROWSER} evil`,
    },
    body: 'name=Eve&body=cross-site',
  })
  const foreignJson = await fetch(`${origin}/api/v1/articles/${target.slug}/comments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: 'https://evil.example',
      'user-agent': `${BROWSER} evil`,
    },
    body: JSON.stringify({ name: 'Eve', body: 'cross-site json' }),
  })
  rows.push(['cross-site form-encoded post to the API', String(crossSite.status), '403 or 415'])
  rows.push(['cross-site JSON post to the API', String(foreignJson.status), '403'])

  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`\n${'flood'.padEnd(width)}  ${'got through'.padStart(18)}  target`)
  for (const [name, value, target] of rows)
    console.log(`${name.padEnd(width)}  ${value.padStart(18)}  ${target}`)
} finally {
  agent.destroy()
  await closeApp({ web, services })
  fs.rmSync(dir, { recursive: true, force: true })
}

/** The story's place in Popular Now (1 = top), or "-" when it is not listed. */
async function rankOf(articleId: number): Promise<string> {
  const list = await services.engagement.popularNow({ limit: 20 })
  const at = list.findIndex((s) => s.id === articleId)
  return at === -1 ? '-' : String(at + 1)
}
