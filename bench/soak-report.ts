/** The soak's printed report: requests per kind and per process, memory over time, and the checks. */

import { KINDS, latencySummary, type RequestLedger } from './soak-ledger.js'

/** One RSS reading of one process instance, `at` seconds into the load. */
export interface RssSample {
  at: number
  instance: string
  rssMiB: number
}

/** One pass/fail line; the soak exits non-zero when any fails. */
export interface Check {
  name: string
  pass: boolean
  detail: string
}

const ms = (value: number): string => (Number.isNaN(value) ? '-' : `${value.toFixed(1)} ms`)
const int = (value: number): string => value.toLocaleString('en')
const mib = (value: number | undefined): string =>
  value === undefined ? '-' : `${value.toFixed(1)} MiB`

/** Prints `rows` as columns, the first left-aligned and the rest right-aligned. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)))
  for (const row of rows) {
    const cells = row.map((cell, i) =>
      i === 0 ? cell.padEnd(widths?.[i] ?? 0) : cell.padStart(widths?.[i] ?? 0),
    )
    console.log(`  ${cells.join('  ')}`)
  }
}

/** The requests table: per kind and in total, answered, errors by class and latency. */
export function printRequests(ledger: RequestLedger, seconds: number): void {
  const header = ['kind', 'sent', '2xx/3xx', '4xx', '5xx', 'failed', 'to dead', 'p50', 'p99', 'max']
  const rows = [header]
  const all: number[] = []
  const total = { sent: 0, ok: 0, c4: 0, c5: 0, failed: 0, dead: 0 }
  for (const kind of KINDS) {
    const tally = ledger.kinds.get(kind)
    if (tally === undefined || tally.sent === 0) continue
    const { p50, p99, max } = latencySummary(tally.latencies)
    rows.push([
      kind,
      int(tally.sent),
      int(tally.ok),
      int(tally.clientErrors),
      int(tally.serverErrors),
      int(tally.failed),
      int(tally.deadFailed),
      ms(p50),
      ms(p99),
      ms(max),
    ])
    // Not push(...latencies): an hour's latencies (half a million) overflow the call stack.
    for (const latency of tally.latencies) all.push(latency)
    total.sent += tally.sent
    total.ok += tally.ok
    total.c4 += tally.clientErrors
    total.c5 += tally.serverErrors
    total.failed += tally.failed
    total.dead += tally.deadFailed
  }
  const { p50, p99, max } = latencySummary(all)
  rows.push([
    'all',
    int(total.sent),
    int(total.ok),
    int(total.c4),
    int(total.c5),
    int(total.failed),
    int(total.dead),
    ms(p50),
    ms(p99),
    ms(max),
  ])
  printTable(rows)
  console.log(
    `  ${int(Math.round(total.sent / seconds))} requests/s on average; "failed" = network errors ` +
      'or timeouts on a live process, "to dead" = sent to the killed one before the balancer ' +
      'took it out (or in flight when it died)',
  )
  const perProcess = [...ledger.instances.entries()]
    .filter(([name]) => name !== 'none')
    .map(
      ([name, t]) =>
        `${name} answered ${int(t.answered)} (5xx ${t.serverErrors}, failed ${t.failed}, ` +
        `to dead ${t.deadFailed})`,
    )
  console.log(`  per process: ${perProcess.join('; ')}`)
}

/** Memory per process instance: at start, a quarter in, the highest, at the end. */
export function memoryFigures(samples: readonly RssSample[], instance: string) {
  const own = samples.filter((s) => s.instance === instance)
  const first = own[0]
  const last = own.at(-1)
  if (first === undefined || last === undefined) return undefined
  const span = last.at - first.at
  // After warm-up (the page cache fills with the pages readers ask for): a quarter of its life.
  const warm = own.find((s) => s.at >= first.at + span / 4) ?? first
  const max = own.reduce((highest, s) => Math.max(highest, s.rssMiB), -Infinity)
  // Growth over its second half: the least squares slope of RSS, in MiB per minute.
  const half = own.filter((s) => s.at >= first.at + span / 2)
  return { start: first, warm, end: last, max, slopePerMinute: slope(half) * 60, samples: own }
}

/** Prints each instance's memory line. */
export function printMemory(samples: readonly RssSample[], instances: readonly string[]): void {
  for (const instance of instances) {
    const figures = memoryFigures(samples, instance)
    if (figures === undefined) continue
    const { start, warm, end, max, slopePerMinute } = figures
    console.log(
      `  ${instance}: start ${mib(start.rssMiB)} (${start.at.toFixed(0)} s), ` +
        `after warm-up ${mib(warm.rssMiB)} (${warm.at.toFixed(0)} s), max ${mib(max)}, ` +
        `end ${mib(end.rssMiB)} (${end.at.toFixed(0)} s); second half ` +
        `${slopePerMinute >= 0 ? '+' : ''}${slopePerMinute.toFixed(2)} MiB/min`,
    )
    const trace = figures.samples
      .filter(
        (_, i, all) => i % Math.max(1, Math.round(all.length / 12)) === 0 || i === all.length - 1,
      )
      .map((s) => `${s.at.toFixed(0)}s ${s.rssMiB.toFixed(0)}`)
    console.log(`     samples (s MiB): ${trace.join(', ')}`)
  }
}

/** Prints the checks; resolves true when all passed. */
export function printChecks(checks: readonly Check[]): boolean {
  for (const check of checks)
    console.log(`  ${check.pass ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`)
  return checks.every((check) => check.pass)
}

/** The least-squares slope of rssMiB over `at` (MiB per second); 0 for fewer than 2 samples. */
function slope(samples: readonly RssSample[]): number {
  if (samples.length < 2) return 0
  const n = samples.length
  const meanX = samples.reduce((sum, s) => sum + s.at, 0) / n
  const meanY = samples.reduce((sum, s) => sum + s.rssMiB, 0) / n
  let num = 0
  let den = 0
  for (const s of samples) {
    num += (s.at - meanX) * (s.rssMiB - meanY)
    den += (s.at - meanX) ** 2
  }
  return den === 0 ? 0 : num / den
}
