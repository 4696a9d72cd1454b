/** Cache-miss render time: each of many distinct stories requested exactly once, timed to the last byte. */

import http from 'node:http'
import type { BenchTarget, ScenarioResult } from './scenario.js'
import { formatMs, quantile, timedGet } from './scenario.js'

/** The p99 a first (uncached) article request must beat. */
export const CACHE_MISS_P99_TARGET_MS = 20

/** Requests every path of `target.articlePaths` once, one after another, and reports p50/p99. */
export async function cacheMissScenario(target: BenchTarget): Promise<ScenarioResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const times: number[] = []
  try {
    for (const path of target.articlePaths) times.push(await timedGet(agent, target.origin, path))
  } finally {
    agent.destroy()
  }
  const sorted = [...times].sort((a, b) => a - b)
  const [p50, p99, max] = [quantile(sorted, 0.5), quantile(sorted, 0.99), sorted.at(-1) ?? NaN]
  return {
    name: 'cacheMiss',
    data: { requests: times.length, p50Ms: p50, p99Ms: p99, maxMs: max },
    rows: [
      {
        metric: `cache-miss article p50 (${times.length} stories)`,
        value: formatMs(p50),
        target: '',
        pass: undefined,
      },
      {
        metric: 'cache-miss article p99',
        value: formatMs(p99),
        target: `< ${CACHE_MISS_P99_TARGET_MS} ms`,
        pass: p99 < CACHE_MISS_P99_TARGET_MS,
      },
    ],
  }
}
