/** What every benchmark scenario receives and returns, so run.ts can add scenarios without changes. */

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
