/**
 * A stored page's response head, serialised once and sent without writeHead (issue 15).
 * writeHead checks and joins every header of every response: about a fifth of what a warm page
 * cost the main thread, for a head that only differs by the request id and the date. Node has no
 * public way to send a head it holds already, so a prepared head is set where writeHead leaves
 * its own (`_header`), and only where nothing else could change it: a plain keep-alive exchange.
 *
 * It is proven before it is trusted: the first page of each head goes through writeHead, and
 * the prepared bytes are compared with what writeHead made. Any difference (another Node
 * version, a header Node treats specially) and that head keeps writeHead for good.
 */

import { validateHeaderName, validateHeaderValue, type ServerResponse } from 'node:http'

/** The fields of Node's ServerResponse that decide its head (lib/_http_outgoing.js). */
interface NodeResponse extends ServerResponse {
  _header: string | null
  _keepAliveTimeout: number
  _maxRequestsPerSocket: number
  _defaultKeepAlive: boolean
  _expect_continue: boolean
  _removedConnection: boolean
  shouldKeepAlive: boolean
  maxRequestsOnConnectionReached: boolean
}

/** Whether a head is sent prepared: not yet known, proven equal to writeHead's, or not. */
export type HeadState = 'unproven' | 'prepared' | 'writeHead'

export interface PreparedHead {
  /** Sends a 200 with this head, `id` as its x-request-id, and `body`. */
  send(response: ServerResponse, id: string, body: Uint8Array): void
  /** How it sends: through writeHead until its first page proved the prepared bytes. */
  readonly state: HeadState
}

/** Names Node's writeHead reads as well as writes: a head with one is left to writeHead. */
const NAMES_NODE_READS = new Set([
  'connection',
  'date',
  'expect',
  'keep-alive',
  'trailer',
  'transfer-encoding',
])

const STATUS_LINE = 'HTTP/1.1 200 OK\r\nx-request-id: '

/**
 * Prepares the head of a 200 response whose headers are x-request-id then `headers` (a flat
 * name, value list). The id passed to send must be a header-safe token (see request-id.ts):
 * it is written as given.
 */
export function prepareHead(headers: readonly string[]): PreparedHead {
  const list = ['x-request-id', '', ...headers]
  let state: HeadState = canPrepare(headers) ? 'unproven' : 'writeHead'
  const block = state === 'unproven' ? serialise(headers) : ''

  const writeHead = (response: ServerResponse, id: string): void => {
    const sent = list.slice()
    sent[1] = id
    response.writeHead(200, sent)
  }
  /** The head writeHead would make for `id`, with the Date line given. */
  const headFor = (response: NodeResponse, id: string, date: string): string =>
    STATUS_LINE + id + '\r\n' + block + date + keepAliveTail(response)

  return {
    get state() {
      return state
    },
    send(response, id, body) {
      const node = response as NodeResponse
      if (state === 'prepared' && isPlainKeepAlive(node)) {
        node._header = headFor(node, id, dateLine())
      } else if (state === 'unproven' && isPlainKeepAlive(node)) {
        writeHead(response, id)
        // writeHead's own date, so a second that turns between the two cannot fail the proof.
        const date = /\r\nDate: [^\r\n]*\r\n/.exec(node._header ?? '')?.[0].slice(2)
        const same = date !== undefined && node._header === headFor(node, id, date)
        state = same ? 'prepared' : 'writeHead'
      } else writeHead(response, id)
      response.end(body)
    },
  }
}

/** Whether the headers hold no name Node acts on and every name and value is one it sends. */
function canPrepare(headers: readonly string[]): boolean {
  for (let n = 0; n < headers.length; n += 2) {
    const name = headers[n] ?? ''
    const value = headers[n + 1] ?? ''
    if (NAMES_NODE_READS.has(name.toLowerCase())) return false
    try {
      validateHeaderName(name)
      validateHeaderValue(name, value)
    } catch {
      return false
    }
  }
  return true
}

function serialise(headers: readonly string[]): string {
  let block = ''
  for (let n = 0; n < headers.length; n += 2) block += `${headers[n]}: ${headers[n + 1]}\r\n`
  return block
}

/**
 * Whether writeHead would end this head with Connection: keep-alive and the Keep-Alive line
 * alone: a keep-alive request below the connection's request limit, with no earlier head,
 * header or Expect: 100-continue, and Node's own Date.
 */
function isPlainKeepAlive(response: NodeResponse): boolean {
  return (
    response.shouldKeepAlive === true &&
    response.maxRequestsOnConnectionReached !== true &&
    response._expect_continue !== true &&
    response._removedConnection !== true &&
    response._defaultKeepAlive === true &&
    response.sendDate &&
    response._header === null &&
    response.statusCode === 200
  )
}

let dateSecond = -1
let dateText = ''

/** The Date line, made once a second as Node makes its own. */
function dateLine(): string {
  const second = Math.floor(Date.now() / 1000)
  if (second !== dateSecond) {
    dateSecond = second
    dateText = `Date: ${new Date(second * 1000).toUTCString()}\r\n`
  }
  return dateText
}

let tailTimeout = -1
let tailMax = -1
let tailText = ''

/** The connection lines and the blank line that ends the head, for this server's limits. */
function keepAliveTail(response: NodeResponse): string {
  const timeout = response._keepAliveTimeout
  const max = response._maxRequestsPerSocket
  if (timeout !== tailTimeout || max !== tailMax) {
    tailTimeout = timeout
    tailMax = max
    const keepAlive = timeout
      ? `Keep-Alive: timeout=${Math.floor(timeout / 1000)}${~~max > 0 ? `, max=${max}` : ''}\r\n`
      : ''
    tailText = `Connection: keep-alive\r\n${keepAlive}\r\n`
  }
  return tailText
}
