/** The soak's verdict: prints the report of a finished run and checks it; resolves the exit code. */

import type { CommentLedger, RequestLedger, ViewLedger } from './soak-ledger.js'
import type { Load } from './soak-load.js'
import {
  type Check,
  memoryFigures,
  printChecks,
  printMemory,
  printRequests,
  type RssSample,
} from './soak-report.js'
import type { SoakServer } from './soak-servers.js'

/**
 * A flush is due every flush-ms after the previous one ended, and takes time itself: a view
 * acknowledged this long before the flush interval (plus the interval) may still be unwritten
 * when the process dies. Loss within the interval plus this allowance passes the check.
 */
const FLUSH_RUN_ALLOWANCE_MS = 250
/** A purge must reach the other process within a second (issue 15). */
const PURGE_LIMIT_MS = 1_000
/** Memory that keeps growing over the second half of a process's life fails the soak. */
const RSS_SLOPE_LIMIT_MIB_PER_MIN = 1
/** A shorter life is mostly the warm-up (the page cache filling): too short to call a trend. */
const RSS_JUDGED_AFTER_S = 300

/** The purge probe: whether the page was cached first, when the comment showed (ms after the post). */
export interface Probe {
  cached: boolean
  /** When the first request that showed it was sent. */
  ms: number | undefined
  /** When that request was answered. */
  answeredMs: number | undefined
}

/** What happened around the fault, for the report and the checks. */
export interface Timeline {
  killAt: number
  fault: { killedPid: number; markedDownMs: number | undefined; survivorServed: number }
  rejoin: {
    startedMs: number
    upMs: number | undefined
    probe: Probe
  }
  answeredAtRejoin: number
}

/** Everything a finished run measured. */
export interface SoakRun {
  ledger: RequestLedger
  seconds: number
  load: Load
  samples: RssSample[]
  timeline: Timeline
  killAtMs: number
  downMs: number
  comments: CommentLedger
  /** The soak markers found in the database, with each comment's status. */
  stored: Map<string, { id: number; status: string }>
  views: ViewLedger
  viewsCounted: number
  flushMs: number
  exitCodes: (string | number | null)[][]
  servers: SoakServer[]
  loadAtStart: string
  loadEnd: string
}

/** Prints the report of `run` and its checks; 0 when every check passed, 1 otherwise. */
export function verdict(run: SoakRun): number {
  const { ledger, seconds, load, samples, killAtMs, downMs, comments, stored, views } = run
  const { viewsCounted, exitCodes, loadAtStart, loadEnd } = run
  const { fault, rejoin, answeredAtRejoin, killAt } = run.timeline
  console.log('\nRequests (through the balancer; probes sent to one process directly)')
  printRequests(ledger, seconds)
  console.log(
    `  reader actions ${load.counts.actions.toLocaleString('en')} (skipped, generator ` +
      `behind: ${load.counts.skipped}), distinct readers ${load.readers().toLocaleString('en')}`,
  )

  console.log('\nMemory (VmRSS of each server process, MiB)')
  printMemory(samples, ['A', 'B', "B'"])

  console.log('\nFault')
  const bTally = ledger.instances.get('B')
  console.log(
    `  B (pid ${fault.killedPid}) SIGKILLed at ${(killAtMs / 1000).toFixed(0)} s; the ` +
      `balancer took it out ${fault.markedDownMs ?? '-'} ms later; ` +
      `${bTally?.deadFailed ?? 0} requests failed against it (in flight or sent before that)`,
  )
  console.log(
    `  A answered ${fault.survivorServed.toLocaleString('en')} requests while B was down ` +
      `(${(downMs / 1000).toFixed(0)} s)`,
  )
  console.log(
    `  B' started in ${rejoin.startedMs} ms, in rotation after ${rejoin.upMs ?? '-'} ms; ` +
      `it answered ${ledger.answeredBy("B'").toLocaleString('en')} requests ` +
      `(${(ledger.answeredBy("B'") - answeredAtRejoin).toLocaleString('en')} after the probe)`,
  )
  console.log(
    `  purge probe: the page cached on B' (${rejoin.probe.cached ? 'same ETag 1.1 s apart' : 'NOT shown cached'}), ` +
      `a comment posted on A showed on B' in the first request sent ` +
      (rejoin.probe.ms === undefined
        ? '-'
        : `${rejoin.probe.ms.toFixed(0)} ms after the post (answered after ` +
          `${(rejoin.probe.answeredMs ?? 0).toFixed(0)} ms)`),
  )

  console.log('\nComments')
  const acknowledged = [...comments.acknowledged.keys()]
  const missing = acknowledged.filter((m) => !stored.has(m))
  const storedUnacked = [...comments.unacknowledged].filter((m) => stored.has(m)).length
  const held = acknowledged.filter((m) => stored.get(m)?.status === 'held').length
  const viaForm = [...comments.acknowledged.values()].filter((c) => c.via === 'form').length
  console.log(
    `  acknowledged ${acknowledged.length} (API 201: ${acknowledged.length - viaForm}, form ` +
      `303: ${viaForm}); in the database ${acknowledged.length - missing.length} ` +
      `(${held} held for review); missing ${missing.length}`,
  )
  console.log(
    `  not acknowledged ${comments.unacknowledged.size} (failed against B or refused), of ` +
      `which stored anyway ${storedUnacked}`,
  )

  console.log('\nViews')
  const viewTotals = views.totals()
  const lost = viewTotals.views - viewsCounted
  const ages = views.onlyBy('B', killAt)
  const inWindow = ages.filter((age) => age <= run.flushMs).length
  const bound = ages.filter((age) => age <= run.flushMs + FLUSH_RUN_ALLOWANCE_MS).length
  const explained = lost > 0 ? ages[lost - 1] : 0
  console.log(
    `  acknowledged ${viewTotals.views.toLocaleString('en')} distinct reader-story views ` +
      `(${viewTotals.pages.toLocaleString('en')} story pages answered 200 to a browser, ` +
      `${viewTotals.beacons.toLocaleString('en')} beacons answered 204)`,
  )
  console.log(`  counted in the hourly buckets ${viewsCounted.toLocaleString('en')}; lost ${lost}`)
  console.log(
    `  acknowledged by B alone in its last ${run.flushMs} ms (the flush window): ` +
      `${inWindow}; in its last ${run.flushMs + FLUSH_RUN_ALLOWANCE_MS} ms: ${bound}; ` +
      `the loss is B's last ${explained === undefined ? 'more than all' : `${explained} ms`} ` +
      'of views nobody else acknowledged',
  )

  const deadViewRequests =
    (ledger.kinds.get('story')?.deadFailed ?? 0) + (ledger.kinds.get('beacon')?.deadFailed ?? 0)
  let failed = 0
  let serverErrors = 0
  let clientErrors = 0
  for (const tally of ledger.kinds.values()) {
    failed += tally.failed
    serverErrors += tally.serverErrors
    clientErrors += tally.clientErrors
  }
  const memoryChecks = ['A', "B'"].flatMap((instance): Check[] => {
    const figures = memoryFigures(samples, instance)
    if (figures === undefined) return []
    const lived = figures.end.at - figures.start.at
    const judged = lived >= RSS_JUDGED_AFTER_S
    return [
      {
        name: `${instance}'s memory flat`,
        pass: !judged || figures.slopePerMinute <= RSS_SLOPE_LIMIT_MIB_PER_MIN,
        detail:
          `${figures.start.rssMiB.toFixed(0)} → ${figures.end.rssMiB.toFixed(0)} MiB, second ` +
          `half ${figures.slopePerMinute.toFixed(2)} MiB/min ` +
          (judged
            ? `(limit ${RSS_SLOPE_LIMIT_MIB_PER_MIN})`
            : `(not judged: served ${lived.toFixed(0)} s, under ${RSS_JUDGED_AFTER_S} s)`),
      },
    ]
  })
  const checks: Check[] = [
    { name: 'no 5xx', pass: serverErrors === 0, detail: `${serverErrors}` },
    {
      name: 'no failed request on a live process',
      pass: failed === 0,
      detail: `${failed} (${bTally?.deadFailed ?? 0} against the killed B, counted apart)`,
    },
    {
      name: 'no 4xx (every request the load sends is valid, within the limits)',
      pass: clientErrors === 0 && load.counts.missingTokens === 0,
      detail: `${clientErrors} 4xx, ${load.counts.missingTokens} story pages without a view token`,
    },
    {
      name: 'the survivor served while B was down',
      pass: fault.survivorServed > 0 && (ledger.instances.get('A')?.failed ?? 0) === 0,
      detail: `A answered ${fault.survivorServed}, failed ${ledger.instances.get('A')?.failed ?? 0}`,
    },
    {
      name: "B' rejoined and serves",
      pass:
        rejoin.upMs !== undefined &&
        ledger.answeredBy("B'") - answeredAtRejoin > 0 &&
        (ledger.instances.get("B'")?.failed ?? 0) === 0,
      detail: `${ledger.answeredBy("B'")} answered, ${ledger.instances.get("B'")?.failed ?? 0} failed`,
    },
    {
      name: "B' receives purges",
      pass:
        rejoin.probe.cached && rejoin.probe.ms !== undefined && rejoin.probe.ms <= PURGE_LIMIT_MS,
      detail:
        rejoin.probe.ms === undefined
          ? 'the comment did not show within 5 s'
          : `${rejoin.probe.ms.toFixed(0)} ms (limit ${PURGE_LIMIT_MS})`,
    },
    {
      name: 'no acknowledged comment lost',
      pass: missing.length === 0 && acknowledged.length > 0,
      detail: `${missing.length} missing of ${acknowledged.length}${missing.length > 0 ? `: ${missing.slice(0, 5).join(', ')}` : ''}`,
    },
    {
      name: 'views lost within the flush window',
      pass: lost >= 0 && lost <= bound,
      detail: `lost ${lost} <= ${bound} (B alone, last ${run.flushMs} + ${FLUSH_RUN_ALLOWANCE_MS} ms)`,
    },
    {
      name: 'views never over-counted',
      pass: viewsCounted <= viewTotals.views + deadViewRequests,
      detail: `counted ${viewsCounted} <= acknowledged ${viewTotals.views} + ${deadViewRequests} unanswered against B`,
    },
    ...memoryChecks,
    {
      name: 'a graceful stop at the end',
      pass: exitCodes.every(([, code]) => code === 0),
      detail: exitCodes.map(([name, code]) => `${name} exit ${code}`).join(', '),
    },
    {
      name: 'no error in the servers\u2019 logs',
      pass: run.servers.every((s) => s.problems().errors === 0),
      detail: run.servers.map((s) => `${s.instance} ${s.problems().errors}`).join(', '),
    },
  ]
  if (load.generatorErrors.length > 0)
    checks.push({
      name: 'the load generator ran without exceptions',
      pass: false,
      detail: load.generatorErrors.join(' | '),
    })

  console.log('\nChecks')
  const passed = printChecks(checks)
  if (ledger.examples.length > 0) {
    console.log('\nUnexpected answers (first 20)')
    for (const example of ledger.examples) console.log(`  ${example}`)
  }
  for (const server of run.servers) {
    const { warnings } = server.problems()
    if (warnings.length === 0) continue
    console.log(`\n${server.instance}'s warnings and errors (first ${warnings.length})`)
    for (const line of warnings) console.log(`  ${line}`)
  }
  console.log(`\nload average at the start of the load ${loadAtStart}, at its end ${loadEnd}`)
  return passed ? 0 : 1
}
