/** Runs only the view-counting scenario on a small seeded outlet (`npx tsx bench/views.ts`). */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../src/app.js'
import { parseConfig } from '../src/config.js'
import { seedDemo } from '../src/demo/seed-demo.js'
import { viewCountingScenario } from './scenarios/view-counting.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-views-'))
const config = parseConfig(
  {
    MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
    MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_DEMO: 'false',
  },
  dir,
)
const app = await buildApp(config)
try {
  await seedDemo(app.services, { articles: 60, seed: 1, now: new Date() })
  await app.web.listen({ host: '127.0.0.1', port: 0 })
  const address = app.web.server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  const { items } = await app.services.newsroom.listArticles({}, 1, 50)
  const stories = items.map((s) => ({ id: s.id, slug: s.slug }))
  const result = await viewCountingScenario(app, `http://127.0.0.1:${address.port}`, stories)
  for (const row of result.rows) {
    const verdict = row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL'
    console.log(
      `${row.metric.padEnd(46)} ${row.value.padStart(40)}  ${row.target.padEnd(18)} ${verdict}`,
    )
  }
} finally {
  await app.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
