/**
 * The few request headers the front door reads, taken from `rawHeaders`. Node's
 * `request.headers` is an object with one property per header line: reading the names a
 * request did not send (the prefetch hints, Referer, the validators) from it cost a warm page
 * more than everything else the view count does (issue 15). Here each name has a fixed place.
 */

import type { IncomingHttpHeaders } from 'node:http'

/** What the front door decides by, and what the view counter reads (PageViewer.headers). */
export interface DoorHeaders {
  acceptEncoding: string | undefined
  /** If-None-Match or If-Modified-Since was sent: Fastify's path answers 304s. */
  conditional: boolean
  /**
   * User-Agent, Referer and the prefetch hints (reader-filter.ts, view-counter.ts) under their
   * lower-case names, as request.headers has them; a header not sent is undefined.
   */
  viewer: IncomingHttpHeaders
}

/**
 * The headers of `raw` (IncomingMessage.rawHeaders: name, value, name, value…) the front door
 * reads; undefined when one of them comes twice, so the caller reads request.headers, whose
 * rules for repeated lines (joined, or the first kept) then apply unchanged. Names are told
 * apart by length first and lower-cased only when the length matches one of them.
 */
export function readDoorHeaders(raw: readonly string[]): DoorHeaders | undefined {
  let acceptEncoding: string | undefined
  let conditional = false
  let userAgent: string | undefined
  let referer: string | undefined
  let secPurpose: string | undefined
  let purpose: string | undefined
  let xPurpose: string | undefined
  let xMoz: string | undefined
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? ''
    const value = raw[i + 1] ?? ''
    let seen: string | undefined
    switch (name.length) {
      case 15:
        if (name.toLowerCase() !== 'accept-encoding') continue
        seen = acceptEncoding
        acceptEncoding = value
        break
      case 13:
        if (name.toLowerCase() === 'if-none-match') conditional = true
        continue
      case 17:
        if (name.toLowerCase() === 'if-modified-since') conditional = true
        continue
      case 10:
        if (name.toLowerCase() !== 'user-agent') continue
        seen = userAgent
        userAgent = value
        break
      case 7: {
        const lower = name.toLowerCase()
        if (lower === 'referer') {
          seen = referer
          referer = value
        } else if (lower === 'purpose') {
          seen = purpose
          purpose = value
        } else continue
        break
      }
      case 11:
        if (name.toLowerCase() !== 'sec-purpose') continue
        seen = secPurpose
        secPurpose = value
        break
      case 9:
        if (name.toLowerCase() !== 'x-purpose') continue
        seen = xPurpose
        xPurpose = value
        break
      case 5:
        if (name.toLowerCase() !== 'x-moz') continue
        seen = xMoz
        xMoz = value
        break
      default:
        continue
    }
    if (seen !== undefined) return undefined
  }
  return {
    acceptEncoding,
    conditional,
    viewer: {
      'user-agent': userAgent,
      referer,
      'sec-purpose': secPurpose,
      purpose,
      'x-purpose': xPurpose,
      'x-moz': xMoz,
    },
  }
}
