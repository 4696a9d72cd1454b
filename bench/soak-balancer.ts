/**
 * The soak's load balancer: sends each request to the next process in round robin among those it
 * believes up, takes a process out at its first connection error (as a proxy's passive check
 * does) and back in when its /healthz answers 200 again.
 */

import http from 'node:http'
import zlib from 'node:zlib'
import type { Kind, RequestLedger } from './soak-ledger.js'

/** One upstream: a port, and the process instance currently behind it. */
export interface Backend {
  readonly name: string
  readonly port: number
  /** "A", "B", then "B'" once B is restarted. */
  instance: string
  /** In the rotation. */
  up: boolean
  readonly agent: http.Agent
}

export interface SoakRequest {
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
  /** Decode and keep the body (story pages: their view token and form stamp). */
  wantBody?: boolean
}

export interface SoakResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  /** The process instance that answered. */
  instance: string
}

/**
 * A request never waits longer than this; past it, it counts as failed. A proxy's usual read
 * timeout (nginx's proxy_read_timeout is 60 s): slower answers show in the latency columns.
 */
const REQUEST_TIMEOUT_MS = 60_000
/**
 * The balancer closes a connection idle this long, below the servers' keep-alive timeout
 * (MASTHEAD_KEEP_ALIVE_TIMEOUT_MS, 5 s by default), as docs/scaling.md asks of a balancer: when
 * the server closes first, a request sent on the closing connection is reset.
 */
export const IDLE_TIMEOUT_MS = 4_000
/** When each connection last finished a request, for the error report (was it reused?). */
const lastUsed = new WeakMap<object, number>()
const HEALTH_EVERY_MS = 250

/**
 * Creates the balancer over `backends`, recording every request in `ledger`; `killed` holds the
 * instances the soak has SIGKILLed (errors against them are counted apart).
 */
export function createBalancer(
  backends: Backend[],
  ledger: RequestLedger,
  killed: ReadonlySet<string>,
) {
  let next = 0
  let markedDownAt: number | undefined

  /** Sends `request` to `backend`; undefined on a network error (recorded). */
  const sendTo = (
    backend: Backend,
    kind: Kind,
    request: SoakRequest,
  ): Promise<SoakResponse | undefined> => {
    const instance = backend.instance
    const started = performance.now()
    ledger.sent(kind)
    return new Promise((resolve) => {
      let settled = false
      let idleBefore: number | undefined
      const fail = (error: Error): void => {
        if (settled) return
        settled = true
        ledger.record({
          kind,
          instance,
          dead: killed.has(instance),
          status: undefined,
          error:
            idleBefore === undefined
              ? `${error.message} (new connection)`
              : `${error.message} (connection reused after ${idleBefore} ms idle)`,
          ms: performance.now() - started,
          path: request.path,
        })
        // A proxy's passive check: a connection error takes the upstream out of the rotation.
        if (backend.instance === instance && backend.up) {
          backend.up = false
          markedDownAt = Date.now()
        }
        resolve(undefined)
      }
      const outgoing = http.request(
        {
          host: '127.0.0.1',
          port: backend.port,
          method: request.method,
          path: request.path,
          headers: request.headers,
          agent: backend.agent,
          timeout: REQUEST_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => {
            if (request.wantBody === true) chunks.push(chunk)
          })
          response.on('error', fail)
          response.on('end', () => {
            if (settled) return
            settled = true
            const status = response.statusCode ?? 0
            ledger.record({
              kind,
              instance,
              dead: false,
              status,
              error: undefined,
              ms: performance.now() - started,
              path: request.path,
            })
            resolve({
              status,
              headers: response.headers,
              body: request.wantBody === true ? decode(response.headers, chunks) : '',
              instance,
            })
          })
        },
      )
      outgoing.on('socket', (socket) => {
        const at = lastUsed.get(socket)
        idleBefore = at === undefined ? undefined : Date.now() - at
        outgoing.on('response', (response) =>
          response.on('end', () => lastUsed.set(socket, Date.now())),
        )
      })
      outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 60 s')))
      outgoing.on('error', fail)
      outgoing.end(request.body)
    })
  }

  /** The next backend in the rotation, or undefined when none is up. */
  const pick = (): Backend | undefined => {
    for (let i = 0; i < backends.length; i++) {
      const backend = backends[(next + i) % backends.length]
      if (backend?.up === true) {
        next = (next + i + 1) % backends.length
        return backend
      }
    }
    return undefined
  }

  // Active checks of the backends out of the rotation only (the passive check covers the rest).
  const health = setInterval(() => {
    for (const backend of backends) {
      if (backend.up) continue
      const instance = backend.instance
      const probe = http.get(
        { host: '127.0.0.1', port: backend.port, path: '/healthz', timeout: 1000 },
        (response) => {
          response.resume()
          if (response.statusCode === 200 && backend.instance === instance && !killed.has(instance))
            backend.up = true
        },
      )
      probe.on('timeout', () => probe.destroy())
      probe.on('error', () => undefined)
    }
  }, HEALTH_EVERY_MS)
  health.unref()

  return {
    /** Sends `request` through the rotation; undefined when it failed (or no backend was up). */
    send(kind: Kind, request: SoakRequest): Promise<SoakResponse | undefined> {
      const backend = pick()
      if (backend === undefined) {
        ledger.sent(kind)
        ledger.record({
          kind,
          instance: 'none',
          dead: false,
          status: undefined,
          error: 'no backend up',
          ms: 0,
          path: request.path,
        })
        return Promise.resolve(undefined)
      }
      return sendTo(backend, kind, request)
    },
    /** Sends `request` to `backend` itself, bypassing the rotation (the probes). */
    sendTo,
    /** When the passive check last took a backend out (ms since the epoch). */
    markedDownAt: () => markedDownAt,
    /** Stops the health checks. */
    close(): void {
      clearInterval(health)
      for (const backend of backends) backend.agent.destroy()
    },
  }
}
export type Balancer = ReturnType<typeof createBalancer>

/** Makes a backend for `port` running `instance`, out of the rotation until its first health check. */
export function backend(name: string, port: number, instance: string): Backend {
  return {
    name,
    port,
    instance,
    up: false,
    agent: new http.Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_TIMEOUT_MS }),
  }
}

/** The body as text, decompressed as the server encoded it. */
function decode(headers: http.IncomingHttpHeaders, chunks: Buffer[]): string {
  const raw = Buffer.concat(chunks)
  switch (headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(raw).toString('utf8')
    case 'gzip':
      return zlib.gunzipSync(raw).toString('utf8')
    default:
      return raw.toString('utf8')
  }
}
