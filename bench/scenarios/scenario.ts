/** What every benchmark scenario receives and returns, so run.ts can add scenarios without changes. */

import http from 'node:http'

/** The running app under test and what the scenarios may request from it. */
export interface BenchTarget {
  /** `http://127.0.0.1:<port>`. */
  origin: string
  /** Paths of distinct published stories, never requested before the scenarios run. */
  articlePaths: readonly string[]
}

/** One line of the printed table; `pass` is undefined for figures without a target. */
export interface MetricRow {
  metric: string
  value: string
  target: string
  pass: boolean | undefined
}

export interface ScenarioResult {
  /** Stable key in bench/results/latest.json. */
  name: string
  /** Raw figures for the JSON report. */
  data: Record<string, unknown>
  rows: MetricRow[]
}

/** Formats requests per second for the table. */
export const formatRate = (rate: number): string => `${Math.round(rate).toLocaleString('en')} req/s`

/** Formats milliseconds for the table. */
export const formatMs = (ms: number): string => `${ms.toFixed(2)} ms`

/** Requests `path` once on a keep-alive agent; resolves with the wall time in milliseconds. */
export function timedGet(agent: http.Agent, origin: string, path: string): Promise<number> {
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    // A browser's Accept-Encoding: the miss path pays for whatever compression it does.
    const headers = { 'accept-encoding': 'br, gzip', accept: 'text/html' }
    http
      .get(`${origin}${path}`, { agent, headers }, (response) => {
        response.resume()
        response.on('end', () => {
          if (response.statusCode !== 200)
            reject(new Error(`${path} answered ${response.statusCode}`))
          else resolve(Number(process.hrtime.bigint() - started) / 1e6)
        })
      })
      .on('error', reject)
  })
}

/** The value at quantile `q` (0..1) of sorted `values`, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
}
