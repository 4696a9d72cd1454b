/** Conditional requests (RFC 9110 13): If-None-Match, If-Modified-Since and If-Range against a validator. */

/** What the server knows of the representation it would send. */
export interface Validators {
  /**
   * Every entity-tag (quoted, e.g. `"abc-br"`) that names the current content: one per stored
   * coding of the same bytes, since a client holding any of them holds the current content.
   */
  etags: readonly string[]
  /**
   * When the content last changed (a Date, or the HTTP-date already sent as Last-Modified);
   * compared at the HTTP-date's one-second precision.
   */
  lastModified?: Date | string | undefined
}

/** The request's conditional headers (as Node hands them: undefined when absent). */
export interface ConditionalHeaders {
  ifNoneMatch?: string | undefined
  ifModifiedSince?: string | undefined
}

/**
 * True when a GET/HEAD may be answered 304 (RFC 9110 13.2.2): If-None-Match decides when present
 * (`*`, or any listed tag matching by weak comparison); only without it does If-Modified-Since
 * count (content unchanged since that date). Unparsable dates are ignored.
 * @example isNotModified({ ifNoneMatch: 'W/"a", "b"' }, { etags: ['"b"'] }) // true
 */
export function isNotModified(headers: ConditionalHeaders, current: Validators): boolean {
  const { ifNoneMatch, ifModifiedSince } = headers
  if (ifNoneMatch !== undefined) {
    const listed = entityTags(ifNoneMatch)
    if (listed === '*') return true
    return listed.some((tag) => current.etags.some((etag) => weakMatch(tag, etag)))
  }
  if (ifModifiedSince === undefined || current.lastModified === undefined) return false
  const since = Date.parse(ifModifiedSince)
  if (Number.isNaN(since)) return false
  return wholeSeconds(current.lastModified) <= since
}

/**
 * True when a Range request's If-Range (RFC 9110 13.1.5) still names this content, so the range
 * may be sent: an entity-tag must match strongly, a date must equal Last-Modified exactly.
 * Without If-Range the range always applies.
 */
export function rangeStillValid(ifRange: string | undefined, current: Validators): boolean {
  if (ifRange === undefined) return true
  const value = ifRange.trim()
  if (value.startsWith('"') || value.startsWith('W/')) {
    return !value.startsWith('W/') && current.etags.includes(value)
  }
  const date = Date.parse(value)
  return (
    !Number.isNaN(date) &&
    current.lastModified !== undefined &&
    wholeSeconds(current.lastModified) === date
  )
}

/**
 * The entity-tags of an If-None-Match value, each with its `W/` prefix if any, or `*`.
 * Opaque tags may contain commas, so the list is scanned quote by quote; scanning stops at the
 * first malformed member (what came before still counts).
 */
export function entityTags(header: string): string[] | '*' {
  if (header.trim() === '*') return '*'
  const tags: string[] = []
  let at = 0
  while (at < header.length) {
    const char = header[at]
    if (char === ' ' || char === '\t' || char === ',') {
      at += 1
      continue
    }
    const weak = header.startsWith('W/', at)
    const open = weak ? at + 2 : at
    if (header[open] !== '"') break
    const close = header.indexOf('"', open + 1)
    if (close === -1) break
    tags.push(header.slice(at, close + 1))
    at = close + 1
  }
  return tags
}

/** Weak comparison (RFC 9110 8.8.3.2): the opaque tags are equal, W/ prefixes aside. */
function weakMatch(a: string, b: string): boolean {
  return opaque(a) === opaque(b)
}

function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag
}

/** Milliseconds of `date` rounded down to the second, as an HTTP-date carries it. */
function wholeSeconds(date: Date | string): number {
  const ms = typeof date === 'string' ? Date.parse(date) : date.getTime()
  return Math.floor(ms / 1000) * 1000
}
