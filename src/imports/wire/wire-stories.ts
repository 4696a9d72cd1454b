/**
 * Splits a wire file's byte stream into stories: lines of text, cut at a line of four or more
 * dashes (`----`) or at a form feed, the two separators wire systems put between stories.
 * Only one story's lines are held at a time.
 */

/** One line of a story, with its 1-based line number in the file. */
export interface WireLine {
  text: string
  number: number
}

/** A story's lines, and whether any of its bytes were invalid UTF-8. */
export interface WireChunk {
  lines: WireLine[]
  /** Line number of the story's first line. */
  firstLine: number
  invalidUtf8: boolean
  /** The story passed MAX_STORY_BYTES and was cut there. */
  tooLong: boolean
}

/** No wire story is this long; beyond it the story is reported and the rest of it dropped. */
export const MAX_STORY_BYTES = 2 * 1024 * 1024
const SEPARATOR = /^\s*-{4,}\s*$/
const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/** Yields each story of `source` (empty stories, such as a separator at the end, are left out). */
export async function* wireStories(source: AsyncIterable<Uint8Array>): AsyncGenerator<WireChunk> {
  let current: WireChunk = { lines: [], firstLine: 1, invalidUtf8: false, tooLong: false }
  let bytes = 0
  let number = 0
  let pending: Uint8Array[] = []
  const finish = (): WireChunk | undefined => {
    const done = current
    current = { lines: [], firstLine: number + 1, invalidUtf8: false, tooLong: false }
    bytes = 0
    return done.lines.some((line) => line.text.trim() !== '') ? done : undefined
  }
  function* line(raw: Uint8Array): Generator<WireChunk> {
    number++
    let text: string
    try {
      text = strict.decode(raw)
    } catch {
      text = lenient.decode(raw)
      current.invalidUtf8 = true
    }
    text = text.replace(/\r$/, '')
    const pages = text.split('\f')
    for (const [index, page] of pages.entries()) {
      if (index > 0) {
        const done = finish()
        if (done !== undefined) yield done
      }
      if (SEPARATOR.test(page)) {
        const done = finish()
        if (done !== undefined) yield done
        continue
      }
      bytes += raw.length
      if (bytes > MAX_STORY_BYTES) current.tooLong = true
      else current.lines.push({ text: page, number })
    }
  }
  for await (const chunk of source) {
    let start = 0
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, at)
      yield* line(pending.length === 0 ? piece : Buffer.concat([...pending, piece]))
      pending = []
      start = at + 1
    }
    if (start < chunk.length) pending.push(chunk.slice(start))
    // A line with no end in sight is still bounded: past the limit only its length is kept.
    if (pending.reduce((n, p) => n + p.length, 0) > MAX_STORY_BYTES) {
      current.tooLong = true
      pending = []
    }
  }
  if (pending.length > 0) yield* line(Buffer.concat(pending))
  const last = finish()
  if (last !== undefined) yield last
}
