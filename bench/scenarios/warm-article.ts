/** Warm article-page throughput: one story, already in the page cache, under the standard load. */

import http from 'node:http'
import { LOAD, type LoadResult, runLoad } from '../load.js'
import { formatMs, formatRate, type ScenarioResult } from './scenario.js'

/** Requests `url` once and drains it, so the page is rendered and cached before the load. */
function warmUp(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      })
      .on('error', reject)
  })
}

/** Measures cached throughput of the story at `url`. */
export async function warmArticleScenario(
  url: string,
): Promise<ScenarioResult & { load: LoadResult }> {
  const status = await warmUp(url)
  if (status !== 200) throw new Error(`warm-up of ${url} answered ${status}`)
  const load = await runLoad(url)
  // autocannon counts timeouts among errors already.
  const failures = load.errors + load.non2xx
  return {
    name: 'warmArticle',
    load,
    data: { url, ...load, ...LOAD },
    rows: [
      {
        metric: 'warm article page',
        value: formatRate(load.requestsPerSecond),
        target: '',
        pass: undefined,
      },
      {
        metric: 'warm latency p50 / p99',
        value: `${formatMs(load.latencyP50Ms)} / ${formatMs(load.latencyP99Ms)}`,
        target: '',
        pass: undefined,
      },
      {
        metric: 'warm errors (incl. timeouts) + non-2xx',
        value: String(failures),
        target: '0',
        pass: failures === 0,
      },
    ],
  }
}
