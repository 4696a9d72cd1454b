/** Byte ranges (RFC 9110 14): what a `Range` header asks of a body of known size. */

/** Inclusive first and last byte offsets, as Content-Range writes them. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * What to answer: `full` (no usable range: send everything with 200), `partial` (206 with that
 * one range) or `unsatisfiable` (416). Several ranges are answered in full: multipart bodies
 * cost more to build than the bytes they save for images and scripts.
 */
export type RangeOutcome =
  { kind: 'full' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' }

const FULL: RangeOutcome = { kind: 'full' }
const SPEC = /^(\d*)-(\d*)$/

/**
 * Reads a `Range` header against a body of `size` bytes. Anything malformed, another unit than
 * bytes, or more than one range means `full`: a server may always ignore Range.
 * @example rangeOf('bytes=0-99', 1000) // { kind: 'partial', range: { start: 0, end: 99 } }
 */
export function rangeOf(header: string | undefined, size: number): RangeOutcome {
  if (header === undefined) return FULL
  const equals = header.indexOf('=')
  if (equals === -1 || header.slice(0, equals).trim().toLowerCase() !== 'bytes') return FULL
  const specs = header
    .slice(equals + 1)
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '')
  if (specs.length !== 1) return FULL
  const match = SPEC.exec(specs[0] ?? '')
  if (match === null) return FULL
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return FULL
  if (first === '') {
    // A suffix: the last N bytes (all of them when N exceeds the size); N = 0 selects nothing.
    const length = Number(last)
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } }
  }
  const start = Number(first)
  if (last !== '' && Number(last) < start) return FULL
  if (start >= size) return { kind: 'unsatisfiable' }
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  return { kind: 'partial', range: { start, end } }
}
