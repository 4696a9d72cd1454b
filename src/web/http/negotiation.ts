/** Content-coding negotiation (RFC 9110 12.5.3): which stored coding of a body a client gets. */

/** The codings we store bodies in; `identity` is the body as it is. */
export type ContentCoding = 'br' | 'gzip' | 'identity'

/** Our preference when a client weighs several codings equally: smallest first. */
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity']

/**
 * The coding to send, given the request's Accept-Encoding and the codings the body exists in
 * (`identity` is always available). The highest q-value wins, ties go to the smaller coding;
 * `q=0` refuses a coding and `*` stands for every coding not named. No header (or an empty one) means identity: a client that never said it can
 * decode brotli gets plain bytes. When the client refuses everything we have, it still gets
 * identity (RFC 9110 allows ignoring the header rather than answering 406).
 * @example chooseEncoding('gzip, br;q=0', ['br', 'gzip']) // 'gzip'
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding {
  if (header === undefined || header === '') return 'identity'
  const weights = cachedWeights(header)
  let best: ContentCoding = 'identity'
  // Identity named (or covered by `*`) competes on its q-value; left unnamed it is only the
  // fallback, so `gzip;q=0.5` still means "gzip, please".
  let bestQ = weights.get('identity') ?? weights.get('*') ?? 0
  for (const coding of PREFERENCE) {
    if (coding === 'identity' || !available.includes(coding)) continue
    const q = weights.get(coding) ?? weights.get('*') ?? 0
    // Strictly greater: on a tie the earlier (smaller) coding stays, and identity loses ties.
    if (q > 0 && (q > bestQ || (q === bestQ && best === 'identity'))) {
      best = coding
      bestQ = q
    }
  }
  return best
}

/**
 * Browsers send a handful of distinct Accept-Encoding values, and this runs on every warm page:
 * parsed values are remembered, at most RECENT_LIMIT of them (cleared when full, so odd headers
 * from a client cannot grow it).
 */
const recent = new Map<string, ReadonlyMap<string, number>>()
const RECENT_LIMIT = 64

function cachedWeights(header: string): ReadonlyMap<string, number> {
  let weights = recent.get(header)
  if (weights === undefined) {
    if (recent.size >= RECENT_LIMIT) recent.clear()
    weights = acceptedCodings(header)
    recent.set(header, weights)
  }
  return weights
}

/**
 * Accept-Encoding parsed into coding → q-value (lower-case names; `x-gzip` counts as gzip).
 * A member whose q-value is not a number in 0..1 is ignored, as if it were not there.
 */
export function acceptedCodings(header: string): Map<string, number> {
  const weights = new Map<string, number>()
  for (const member of header.split(',')) {
    const semicolon = member.indexOf(';')
    let name = (semicolon === -1 ? member : member.slice(0, semicolon)).trim().toLowerCase()
    if (name === '') continue
    if (name === 'x-gzip') name = 'gzip'
    let q = 1
    if (semicolon !== -1) {
      const parsed = qValue(member.slice(semicolon + 1))
      if (parsed === undefined) continue
      q = parsed
    }
    // A coding named twice keeps its first weight, as most servers do; the RFC leaves it open.
    if (!weights.has(name)) weights.set(name, q)
  }
  return weights
}

/** The `q` parameter of `params` (`q=0.5;…`): a number in 0..1, 1 when absent, else undefined. */
function qValue(params: string): number | undefined {
  for (const param of params.split(';')) {
    const [key = '', value = ''] = param.split('=', 2)
    if (key.trim().toLowerCase() !== 'q') continue
    const text = value.trim()
    if (!/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(text)) return undefined
    return Number(text)
  }
  return 1
}
