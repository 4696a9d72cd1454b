/**
 * The web server's front door: a plain GET for a page already in the page cache is answered in
 * the HTTP server's request event, before Fastify builds a request, a reply and a child logger
 * for it (most of what a warm page cost; issue 15). It sends what the same hit sent through
 * Fastify: the request id, the security headers, the page's validators and body, the view count
 * and the access-log line. Anything else goes on to Fastify, whose page-cache hook answers it the
 * same way: a miss, a conditional or HEAD request, a coding the entry lacks, a closing server.
 */

import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
// Imported, not the global: the global is a getter Node installs, looked up on every call.
import { performance } from 'node:perf_hooks'
import type { CacheEntry } from '../../infra/cache-store/cache-store.js'
import type { Logger, RawLogTarget } from '../../infra/logger.js'
import { chooseEncoding, type ContentCoding } from '../http/negotiation.js'
import { type DoorHeaders, readDoorHeaders } from './door-headers.js'
import {
  PAGE_CODINGS,
  representationOf,
  servesAsStored,
  type Representation,
} from './page-entry.js'
import { pageCacheKey } from './page-url.js'
import { prepareHead, type PreparedHead } from './prepared-head.js'
import type { PageViewer } from './view-counting.js'

export interface FrontDoorOptions {
  logger: Logger
  /** The request id Fastify's genReqId would give this request (a header-safe token). */
  requestId: (request: IncomingMessage) => string
  /** The client address Fastify's request.ip would give (the same trusted proxies). */
  clientAddress: (request: IncomingMessage) => string | undefined
  /**
   * Where the access-log lines of the pages it sends go, serialised here (see accessLogLine);
   * without it they go through `logger` as any line does.
   */
  accessLog?: RawLogTarget
  /** Sent on every response, as the security-headers plugin sends them. */
  securityHeaders: Readonly<Record<string, string>>
}

/** What the page cache hands the front door when it opens it. */
export interface FrontDoorPages {
  /** The stored entry under a page-cache key, at once (CacheStore.getNow). */
  lookup: (key: string) => CacheEntry | undefined
  /** The page cache's view hook, called for every page that is a reading of a story. */
  onPageView?: (viewer: PageViewer, articleId: number) => void
}

export interface FrontDoor {
  /** Answers `request` when it is a plain GET for a stored page; false leaves it to Fastify. */
  handle(request: IncomingMessage, response: ServerResponse): boolean
  /** Starts answering from `pages` (the page cache plugin calls it once registered). */
  open(pages: FrontDoorPages): void
  /** Stops answering: everything goes to Fastify (from the first step of a close). */
  close(): void
}

/** Creates a closed front door; it answers nothing until the page cache opens it. */
export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
  const { logger, requestId, clientAddress } = options
  const security = Object.entries(options.securityHeaders).flat()
  const accessLog = accessLogLine(logger, options.accessLog)
  // A stored entry's representations never change: each one's head is prepared once, to be sent
  // with the request id (x-request-id first, as Fastify sends it).
  const heads = new WeakMap<Representation, PreparedHead>()
  const headOf = (sent: Representation): PreparedHead => {
    let head = heads.get(sent)
    if (head === undefined) {
      head = prepareHead([
        ...security,
        ...sent.validatorHeaders,
        ...sent.contentHeaders,
        'content-length',
        String(sent.body.length),
      ])
      heads.set(sent, head)
    }
    return head
  }
  let pages: FrontDoorPages | undefined
  // Nearly every request repeats the last Accept-Encoding seen (one browser, one build): its
  // coding is remembered, so a warm page skips parsing the header again.
  let lastAcceptEncoding: string | undefined
  let lastCoding: ContentCoding = 'identity'
  const codingFor = (acceptEncoding: string | undefined): ContentCoding => {
    if (acceptEncoding !== lastAcceptEncoding) {
      lastCoding = chooseEncoding(acceptEncoding, PAGE_CODINGS)
      lastAcceptEncoding = acceptEncoding
    }
    return lastCoding
  }

  const handle = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (pages === undefined || request.method !== 'GET') return false
    const headers = readDoorHeaders(request.rawHeaders) ?? doorHeadersOf(request.headers)
    // 304s, and the rare client that sends validators, take Fastify's path (isNotModified).
    if (headers.conditional) return false
    const url = request.url ?? '/'
    const entry = pages.lookup(pageCacheKey(url))
    if (entry === undefined) return false
    const coding = codingFor(headers.acceptEncoding)
    if (!servesAsStored(entry, coding)) return false
    const started = performance.now()
    const id = requestId(request)
    const sent = representationOf(entry, coding)
    if (sent.viewOf !== undefined && pages.onPageView !== undefined)
      pages.onPageView(
        { method: 'GET', ip: clientAddress(request) ?? '', headers: headers.viewer },
        sent.viewOf,
      )
    headOf(sent).send(response, id, sent.body)
    accessLog?.(id, url, performance.now() - started)
    return true
  }

  return {
    handle: (request, response) => {
      try {
        return handle(request, response)
      } catch (error) {
        // Before anything was sent Fastify can still answer (its error page if it fails too).
        if (!response.headersSent) return false
        logger.error({ err: error, url: request.url }, 'front door: sending a page failed')
        response.destroy()
        return true
      }
    },
    open: (given) => {
      pages = given
    },
    close: () => {
      pages = undefined
    },
  }
}

/** DoorHeaders from request.headers, for a request that repeats one of the names it reads. */
function doorHeadersOf(headers: IncomingHttpHeaders): DoorHeaders {
  return {
    acceptEncoding: headers['accept-encoding'],
    conditional:
      headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined,
    viewer: headers,
  }
}

/**
 * The access-log line of a page the front door sent, or undefined when info lines are off. It is
 * the line Fastify's request logging writes ("request completed", the same fields and order),
 * serialised here: through pino it cost a warm page more than everything else the front door
 * does (issue 15). The line is joined from five strings, each in one piece (V8 pays for every
 * piece of a joined string when the batch is copied out, and the line had fourteen). The part
 * before the id is remade once a millisecond, the part around the URL once a URL (most lines
 * repeat the last one, so its escaping check is skipped too), and the response time comes from
 * a table below a millisecond.
 */
function accessLogLine(
  logger: Logger,
  target: RawLogTarget | undefined,
): ((id: string, url: string, responseTime: number) => void) | undefined {
  if (!logger.isLevelEnabled('info')) return undefined
  if (target === undefined)
    return (id, url, responseTime) =>
      logger.info(
        { reqId: id, method: 'GET', url, statusCode: 200, responseTime },
        'request completed',
      )
  const head = `{"level":${logger.levels.values.info ?? 30},"time":`
  let lastMs = -1
  let beforeId = ''
  let lastUrl: string | undefined
  let aroundUrl = ''
  return (id, url, responseTime) => {
    const ms = Date.now()
    if (ms !== lastMs) {
      lastMs = ms
      beforeId = flat(`${head}${String(ms)}${target.bindings},"reqId":"`)
    }
    if (url !== lastUrl) {
      lastUrl = url
      aroundUrl = flat(`","method":"GET","url":${jsonString(url)},"statusCode":200,"responseTime":`)
    }
    // The id is ours: a UUID or a proxy's token of [A-Za-z0-9._:-], so it needs no escaping.
    target.write(
      beforeId + id + aroundUrl + millisecondsText(responseTime) + ',"msg":"request completed"}\n',
    )
  }
}

/** Any first character: matching it makes V8 copy a joined string into one piece, in place. */
const FIRST_CHARACTER = /^[^]/

/** `text`, copied into one piece now (a call the compiler cannot drop, unlike a bare read). */
function flat(text: string): string {
  FIRST_CHARACTER.test(text)
  return text
}

/** Three-digit fractions "000" to "999", so a duration is written without a float conversion. */
const THOUSANDTHS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'))
/** "0.000" to "0.999": a warm page takes well under a millisecond. */
const UNDER_A_MILLISECOND = THOUSANDTHS.map((fraction) => flat(`0.${fraction}`))

/** `ms` as a JSON number to the microsecond: 0.042 for 0.0421875. */
export function millisecondsText(ms: number): string {
  const micros = Math.round(ms * 1000)
  if (!(micros >= 0 && micros < 2 ** 31)) return JSON.stringify(ms)
  if (micros < 1000) return UNDER_A_MILLISECOND[micros] ?? '0.000'
  const whole = (micros / 1000) | 0
  return `${whole}.${THOUSANDTHS[micros - whole * 1000] ?? '000'}`
}

/** Characters a JSON string must escape (a URL rarely has any: then no JSON.stringify call). */
// eslint-disable-next-line no-control-regex -- JSON strings must escape control characters
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/

function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`
}

/**
 * Fastify's serverFactory with the front door before Fastify's handler; the server gets the
 * timeouts Fastify gives the one it makes itself.
 */
export function frontDoorServerFactory(
  frontDoor: FrontDoor,
): (
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  options: ServerFactoryOptions,
) => Server {
  return (handler, options) => {
    const server = createServer(options.http ?? {}, (request, response) => {
      if (!frontDoor.handle(request, response)) handler(request, response)
    })
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout)
    return server
  }
}

/** The options Fastify passes its serverFactory that the server needs. */
interface ServerFactoryOptions {
  http?: Parameters<typeof createServer>[0]
  keepAliveTimeout?: number
  requestTimeout?: number
  connectionTimeout?: number
}
