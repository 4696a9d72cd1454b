/**
 * The soak's ledger: every request by kind and outcome with its latency, which process served it,
 * and what the servers acknowledged (views per reader and story, comments by marker), so the end
 * of the run can check the database against it.
 */

import { quantile } from './scenarios/scenario.js'

/** What the load generator sends, one row each in the report. */
export const KINDS = [
  'front',
  'section',
  'story',
  'beacon',
  'cdn-fill',
  'comment-api',
  'comment-page',
  'comment-form',
  'probe',
] as const
export type Kind = (typeof KINDS)[number]

/** One request's end: a status, or a network error (`error`), from the process `instance`. */
export interface Outcome {
  kind: Kind
  instance: string
  /** True when `instance` had been SIGKILLed by the soak when the request ended. */
  dead: boolean
  status: number | undefined
  error: string | undefined
  ms: number
  path: string
}

export interface KindTally {
  sent: number
  /** 2xx and 3xx (the comment form answers 303 when it took the comment). */
  ok: number
  clientErrors: number
  serverErrors: number
  /** Network errors and timeouts on a process that was alive. */
  failed: number
  /** Network errors on a process the soak had killed (the balancer had not noticed yet). */
  deadFailed: number
  latencies: number[]
}

/** Per process instance ("A", "B", "B'"): what it answered and when it answered first/last. */
export interface InstanceTally {
  answered: number
  serverErrors: number
  failed: number
  deadFailed: number
  firstAt: number | undefined
  lastAt: number | undefined
}

const emptyKind = (): KindTally => ({
  sent: 0,
  ok: 0,
  clientErrors: 0,
  serverErrors: 0,
  failed: 0,
  deadFailed: 0,
  latencies: [],
})

/** Counts requests by kind and by process; keeps a few examples of every unexpected answer. */
export function createRequestLedger() {
  const kinds = new Map<Kind, KindTally>(KINDS.map((kind) => [kind, emptyKind()]))
  const instances = new Map<string, InstanceTally>()
  const examples: string[] = []
  const tallyOf = (kind: Kind): KindTally => kinds.get(kind) ?? emptyKind()
  const instanceOf = (name: string): InstanceTally => {
    let tally = instances.get(name)
    if (tally === undefined) {
      tally = {
        answered: 0,
        serverErrors: 0,
        failed: 0,
        deadFailed: 0,
        firstAt: undefined,
        lastAt: undefined,
      }
      instances.set(name, tally)
    }
    return tally
  }
  const example = (text: string): void => {
    if (examples.length < 20) examples.push(text)
  }

  return {
    kinds,
    instances,
    examples,
    /** Notes a request about to be sent. */
    sent(kind: Kind): void {
      tallyOf(kind).sent += 1
    },
    /** Notes how a request ended. */
    record(outcome: Outcome): void {
      const tally = tallyOf(outcome.kind)
      const instance = instanceOf(outcome.instance)
      if (outcome.status === undefined) {
        if (outcome.dead) {
          tally.deadFailed += 1
          instance.deadFailed += 1
        } else {
          tally.failed += 1
          instance.failed += 1
          example(`${outcome.kind} ${outcome.path} on ${outcome.instance}: ${outcome.error}`)
        }
        return
      }
      tally.latencies.push(outcome.ms)
      instance.answered += 1
      const now = Date.now()
      instance.firstAt ??= now
      instance.lastAt = now
      if (outcome.status >= 500) {
        tally.serverErrors += 1
        instance.serverErrors += 1
        example(`${outcome.kind} ${outcome.path} on ${outcome.instance}: ${outcome.status}`)
      } else if (outcome.status >= 400) {
        tally.clientErrors += 1
        example(`${outcome.kind} ${outcome.path} on ${outcome.instance}: ${outcome.status}`)
      } else {
        tally.ok += 1
      }
    },
    /** How many requests `instance` has answered so far. */
    answeredBy(name: string): number {
      return instances.get(name)?.answered ?? 0
    },
  }
}
export type RequestLedger = ReturnType<typeof createRequestLedger>

/** p50, p99 and max of `values` in milliseconds (NaN when empty). */
export function latencySummary(values: readonly number[]): {
  p50: number
  p99: number
  max: number
} {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? NaN }
}

/** The first acknowledgement of one reader's view of one story, and whether another process also acknowledged it. */
interface ViewAck {
  at: number
  instance: string
  elsewhere: boolean
}

/**
 * The views the servers acknowledged: one per distinct reader and story (a story page answered
 * 200 to a browser, or a beacon answered 204), with the process that acknowledged it first.
 */
export function createViewLedger() {
  const acks = new Map<string, ViewAck>()
  let pages = 0
  let beacons = 0
  return {
    /** Reader `reader` was answered for `slug` by `instance` (a page or a beacon). */
    ack(reader: string, slug: string, instance: string, via: 'page' | 'beacon'): void {
      if (via === 'page') pages += 1
      else beacons += 1
      const key = `${reader} ${slug}`
      const found = acks.get(key)
      if (found === undefined) acks.set(key, { at: Date.now(), instance, elsewhere: false })
      else if (found.instance !== instance) found.elsewhere = true
    },
    /** Distinct reader-story views acknowledged, and the page and beacon answers behind them. */
    totals(): { views: number; pages: number; beacons: number } {
      return { views: acks.size, pages, beacons }
    },
    /**
     * How long before `killAt` each view acknowledged only by the killed `instance` was first
     * acknowledged (ms, newest first): those are the views it may not have flushed.
     */
    onlyBy(instance: string, killAt: number): number[] {
      const ages: number[] = []
      for (const ack of acks.values()) {
        if (ack.instance === instance && !ack.elsewhere && ack.at <= killAt)
          ages.push(killAt - ack.at)
      }
      return ages.sort((a, b) => a - b)
    },
  }
}
export type ViewLedger = ReturnType<typeof createViewLedger>

/** The comments sent: by the marker in their body, whether a server acknowledged each. */
export function createCommentLedger() {
  const acknowledged = new Map<string, { via: 'api' | 'form'; id: number | undefined }>()
  const unacknowledged = new Set<string>()
  return {
    acknowledged,
    unacknowledged,
    /** A 201 (API) or 303 (form) for the comment carrying `marker`. */
    ack(marker: string, via: 'api' | 'form', id: number | undefined): void {
      acknowledged.set(marker, { via, id })
    },
    /** A comment sent without an acknowledgement (a network error, or a refusal). */
    lost(marker: string): void {
      unacknowledged.add(marker)
    },
  }
}
export type CommentLedger = ReturnType<typeof createCommentLedger>
