/**
 * A bus shared by every process on one PostgreSQL database: each event is delivered to this
 * process's handlers at once, and announced to the others with NOTIFY on a channel they LISTEN
 * to on a dedicated connection (within milliseconds of the publish).
 */

import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import type pg from 'pg'
import type { Bus, BusEventName, BusEvents } from './bus.js'
import { busNotListening } from './errors.js'
import { createInProcessBus } from './in-process.js'

const require = createRequire(import.meta.url)
const loadPg = (): typeof pg => require('pg') as typeof pg

/**
 * PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. Events are a few hundred bytes (a
 * story's ids and slugs); one that is not travels as a gap, so the others start their caches over.
 */
export const MAX_NOTIFY_BYTES = 7900

/**
 * How long a starting process waits for its first LISTEN (app.ts): more than the first five
 * reconnection waits together, so a database that is briefly busy does not stop the start.
 */
export const LISTEN_WAIT_MS = 10_000

/** Reconnection waits of the listening connection: doubled after each failure, up to the last. */
const RECONNECT_MS = [100, 200, 500, 1000, 2000, 5000] as const

export interface PostgresBusDeps {
  /** The connection string (the same database as the pool's). */
  url: string
  /**
   * Processes on the same database but another schema (tests, several sites on one server) are
   * other sites: the channel is named after the schema.
   */
  schema: string | undefined
  /** Runs one SQL statement on the shared pool (NOTIFY needs no connection of its own). */
  notify(channel: string, payload: string): Promise<void>
  onHandlerError: (event: BusEventName | 'bus.gap', error: unknown) => void
  /** Told about the listener's connection troubles (never thrown to the publisher). */
  onConnectionError: (error: unknown, retryInMs: number) => void
}

/** What travels on the channel: the publishing bus, the event and its payload (or a gap). */
interface Envelope {
  /** The id of the bus that published, so it does not deliver its own event twice. */
  o: string
  e?: BusEventName
  p?: unknown
}

export interface PostgresBus extends Bus {
  /** Resolves once the listener's LISTEN is in place (tests wait for it before publishing). */
  ready(): Promise<void>
  /**
   * Resolves once the LISTEN is in place; rejects with BUS_NOT_LISTENING (the last connection
   * error as its cause) if it is not within `timeoutMs`. Until then, events of the other
   * processes do not arrive, so a process must not serve (or cache) before.
   */
  listening(timeoutMs?: number): Promise<void>
}

/** The channel of the site in `schema` (a quoted identifier for LISTEN, any text for pg_notify). */
export function busChannel(schema: string | undefined): string {
  return `masthead_bus:${schema ?? 'public'}`.slice(0, 63)
}

/**
 * Creates the PostgreSQL bus and starts listening (reconnecting on error; a gap is signalled
 * after each reconnection, as events may have been missed meanwhile).
 * @example const bus = createPostgresBus({ url, schema, notify, onHandlerError, onConnectionError })
 */
export function createPostgresBus(deps: PostgresBusDeps): PostgresBus {
  const local = createInProcessBus({ onHandlerError: deps.onHandlerError })
  const origin = randomBytes(9).toString('base64url')
  const channel = busChannel(deps.schema)
  let client: pg.Client | undefined
  let closed = false
  let failures = 0
  let retryTimer: NodeJS.Timeout | undefined
  let lastError: unknown
  let resolveReady: () => void = () => {}
  const readyOnce = new Promise<void>((resolve) => (resolveReady = resolve))

  const receive = (text: string | undefined): void => {
    let envelope: Envelope
    try {
      envelope = JSON.parse(text ?? '') as Envelope
    } catch (error) {
      deps.onHandlerError('bus.gap', error)
      return
    }
    if (envelope.o === origin) return
    if (envelope.e === undefined) {
      void local.signalGap()
      return
    }
    void local.deliverRemote(envelope.e, envelope.p as BusEvents[BusEventName])
  }

  const connect = async (): Promise<void> => {
    const next = new (loadPg().Client)({ connectionString: deps.url })
    // An error before or after LISTEN ends this connection; one retry is scheduled per connection.
    let retried = false
    const retry = (error: unknown): void => {
      if (retried || closed) return
      retried = true
      if (client === next) client = undefined
      next.removeAllListeners('notification')
      void next.end().catch(() => undefined)
      const waitMs = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)] ?? 5000
      failures += 1
      lastError = error
      deps.onConnectionError(error, waitMs)
      retryTimer = setTimeout(() => void connect(), waitMs)
      retryTimer.unref()
    }
    next.on('error', retry)
    next.on('end', () => retry(new Error('the bus connection ended')))
    next.on('notification', (message) => {
      if (message.channel === channel) receive(message.payload)
    })
    try {
      await next.connect()
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`)
    } catch (error) {
      retry(error)
      return
    }
    if (closed) {
      await next.end().catch(() => undefined)
      return
    }
    client = next
    const reconnected = failures > 0
    failures = 0
    resolveReady()
    // Whatever was published while this process was not listening is unknown: start over.
    if (reconnected) await local.signalGap()
  }

  void connect()

  const announce = async (envelope: Envelope): Promise<void> => {
    let text = JSON.stringify(envelope)
    if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES) text = JSON.stringify({ o: origin })
    await deps.notify(channel, text)
  }

  return {
    publish: async (event, payload) => {
      // The others are told first (their purge runs while ours does); a failed NOTIFY does not
      // keep this process's handlers from running, and is reported to the publisher after them.
      const told = announce({ o: origin, e: event, p: payload }).then(
        () => undefined,
        (error: unknown) => error,
      )
      await local.publish(event, payload)
      const failure = await told
      if (failure !== undefined) deps.onHandlerError(event, failure)
    },
    subscribe: (event, handler, options) => local.subscribe(event, handler, options),
    onGap: (listener) => local.onGap(listener),
    ready: () => readyOnce,
    listening: async (timeoutMs = LISTEN_WAIT_MS) => {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(busNotListening(timeoutMs, lastError)), timeoutMs)
      })
      try {
        await Promise.race([readyOnce, late])
      } finally {
        clearTimeout(timer)
      }
    },
    close: async () => {
      closed = true
      clearTimeout(retryTimer)
      resolveReady()
      const open = client
      client = undefined
      if (open !== undefined) {
        open.removeAllListeners()
        open.on('error', () => undefined)
        await open.end().catch(() => undefined)
      }
      await local.close()
    },
  }
}
