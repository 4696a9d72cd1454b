/** Comments: JSON posts per second on SQLite (rate limits off), then a story with 10,000 comments rendered uncached. */

import { spawn } from 'node:child_process'
import http from 'node:http'
import { createRequire } from 'node:module'
import type { AppServices } from '../../src/app.js'

/** The part of the running app a scenario calls directly. */
type App = { services: AppServices }
import {
  formatMs,
  formatRate,
  type MetricRow,
  quantile,
  type ScenarioResult,
  timedGet,
} from './scenario.js'

/** Posts per second the JSON API must sustain on SQLite. */
export const POSTS_PER_SECOND_TARGET = 1000
/** The first page of a 10,000-comment story, rendered with the page cache purged. */
export const COMMENTED_PAGE_P99_TARGET_MS = 20
const COMMENTS_ON_STORY = 10_000
const RENDERS = 200
const POST_SECONDS = 10
const CONNECTIONS = 50

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon')

/**
 * autocannon in a child process (the load never shares the server's thread). Each request is a
 * different reader (user agent) with a different body, as real traffic is; with one reader the
 * repeat check would scan that reader's whole last hour, which rate limits keep small in service.
 */
const LOAD_SCRIPT = `
const autocannon = require(process.env.AUTOCANNON)
let n = 0
autocannon({
  url: process.env.URL, method: 'POST', connections: ${CONNECTIONS}, duration: ${POST_SECONDS},
  headers: { 'content-type': 'application/json' },
  requests: [{ setupRequest: (req) => {
    n += 1
    const body = JSON.stringify({ name: 'Bench reader', body: 'Comment number ' + n + ' on this story 🇳🇴' })
    return { ...req, body, headers: { ...req.headers, 'user-agent': 'bench-' + n } }
  } }],
}, (error, result) => {
  if (error) { console.error(error); process.exit(1) }
  process.stdout.write(JSON.stringify({ rate: result.requests.average, total: result.requests.total,
    p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx,
    s2xx: result['2xx'] }))
})`

interface PostLoad {
  rate: number
  total: number
  p99: number
  errors: number
  non2xx: number
  s2xx: number
}

function runPostLoad(url: string): Promise<PostLoad> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`loopback only: ${url}`)
  const child = spawn(process.execPath, ['-e', LOAD_SCRIPT], {
    env: { ...process.env, AUTOCANNON, URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), (POST_SECONDS + 30) * 1000)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      if (code !== 0) reject(new Error(`autocannon exited with ${code}: ${stderr.slice(-500)}`))
      else resolve(JSON.parse(stdout) as PostLoad)
    })
  })
}

/**
 * Posts to the story at `articlePath` under load, tops it up to 10,000 visible comments, then
 * renders its page `RENDERS` times, purging its cached copy before each request.
 */
export async function commentsScenario(
  app: App,
  origin: string,
  articlePath: string,
): Promise<ScenarioResult> {
  const slug = articlePath.split('/').at(-1) ?? ''
  const found = await app.services.newsroom.findPublishedArticle(slug)
  if (found?.kind !== 'found') throw new Error(`no story at ${articlePath}`)
  const articleId = found.article.id

  const load = await runPostLoad(`${origin}/api/v1/articles/${slug}/comments`)
  const failures = load.errors + load.non2xx

  const { comments, bus } = app.services
  for (let n = await comments.countVisible(articleId); n < COMMENTS_ON_STORY; n++) {
    await comments.post({ articleId, authorName: 'Seeded reader', body: `Seeded comment ${n}` })
  }
  const total = await comments.countVisible(articleId)
  await app.services.optimizeDatabase()

  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const times: number[] = []
  try {
    for (let i = 0; i < RENDERS + 20; i++) {
      // What a moderation does: the story's cached page is purged, the next request renders it.
      await bus.publish('comment.moderated', { commentId: null, articleId, action: 'bench' })
      const ms = await timedGet(agent, origin, articlePath)
      if (i >= 20) times.push(ms) // the first renders warm the process up
    }
  } finally {
    agent.destroy()
  }
  const sorted = [...times].sort((a, b) => a - b)
  const [p50, p99] = [quantile(sorted, 0.5), quantile(sorted, 0.99)]
  const rows: MetricRow[] = [
    {
      metric: `comment posts (JSON API, SQLite, ${CONNECTIONS} conn.)`,
      value: formatRate(load.rate),
      target: `>= ${POSTS_PER_SECOND_TARGET.toLocaleString('en')} req/s`,
      pass: load.rate >= POSTS_PER_SECOND_TARGET,
    },
    {
      metric: 'comment posts: errors / non-2xx',
      value: `${load.errors} / ${load.non2xx}`,
      target: '0 / 0',
      pass: failures === 0,
    },
    {
      metric: `story with ${total.toLocaleString('en')} comments, uncached p50`,
      value: formatMs(p50),
      target: '',
      pass: undefined,
    },
    {
      metric: `story with ${total.toLocaleString('en')} comments, uncached p99`,
      value: formatMs(p99),
      target: `< ${COMMENTED_PAGE_P99_TARGET_MS} ms`,
      pass: p99 < COMMENTED_PAGE_P99_TARGET_MS,
    },
  ]
  return {
    name: 'comments',
    data: {
      postsPerSecond: load.rate,
      posts: load.total,
      postLatencyP99Ms: load.p99,
      postErrors: load.errors,
      postNon2xx: load.non2xx,
      commentsOnStory: total,
      renders: times.length,
      renderP50Ms: p50,
      renderP99Ms: p99,
    },
    rows,
  }
}
