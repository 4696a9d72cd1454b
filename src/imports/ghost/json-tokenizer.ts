/** A push tokenizer for JSON over a byte stream: events out, nothing but the current token kept. */

/** What the tokenizer reports; `offset` is the byte offset of the token's first byte. */
export interface JsonEvents {
  startObject(offset: number): void
  endObject(): void
  startArray(offset: number): void
  endArray(): void
  key(name: string): void
  /**
   * A string, number, boolean or null. Strings arrive as `undefined` while `decodeStrings` is
   * false (the caller is skipping them); `invalidUtf8` flags a string that held invalid UTF-8
   * (decoded with U+FFFD so the stream can go on).
   */
  value(
    value: string | number | boolean | null | undefined,
    offset: number,
    invalidUtf8: boolean,
  ): void
}

/** Broken JSON syntax: the stream cannot go on past it. */
export class JsonSyntaxError extends Error {
  readonly offset: number
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`)
    this.name = 'JsonSyntaxError'
    this.offset = offset
  }
}

/** Where the tokenizer is in the grammar; plain numbers keep the hot loop cheap. */
const State = {
  Value: 0,
  ArrayFirst: 1,
  ObjectFirst: 2,
  ObjectKey: 3,
  Colon: 4,
  AfterValue: 5,
  String: 6,
  Number: 7,
  Literal: 8,
  Done: 9,
} as const
type State = (typeof State)[keyof typeof State]

const QUOTE = 0x22
const BACKSLASH = 0x5c
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const lenientUtf8 = new TextDecoder('utf-8')

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
const isNumberByte = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45

/**
 * Tokenizes JSON fed in chunks of any size. Strings are scanned byte by byte and decoded only
 * when wanted, so skipping a 1 GB array costs no memory beyond one chunk.
 * @example const t = new JsonTokenizer(events); for await (const c of stream) t.write(c); t.end()
 */
export class JsonTokenizer {
  /** When false, string values (not keys) are scanned but not decoded; set by the consumer. */
  decodeStrings = true
  private readonly events: JsonEvents
  private state: State = State.Value
  private readonly stack: number[] = [] // 0 = object, 1 = array
  private offset = 0 // bytes consumed before the current chunk
  private tokenStart = 0
  private parts: Uint8Array[] = []
  private escaped = false
  private hasEscape = false
  private stringIsKey = false
  private text = '' // number or literal in progress

  constructor(events: JsonEvents) {
    this.events = events
  }

  /** Bytes consumed so far (for progress). */
  get position(): number {
    return this.offset
  }

  /** Feeds the next chunk; throws JsonSyntaxError on broken JSON. */
  write(chunk: Uint8Array): void {
    let i = 0
    const length = chunk.length
    if (
      this.offset === 0 &&
      length >= 3 &&
      chunk[0] === 0xef &&
      chunk[1] === 0xbb &&
      chunk[2] === 0xbf
    )
      i = 3 // a UTF-8 byte order mark
    while (i < length) {
      switch (this.state) {
        case State.String:
          i = this.scanString(chunk, i)
          break
        case State.Number:
        case State.Literal:
          i = this.scanWord(chunk, i)
          break
        default:
          i = this.structural(chunk, i)
      }
    }
    this.offset += length
  }

  /** Ends the input; throws when the JSON is incomplete. */
  end(): void {
    if (this.state === State.Number || this.state === State.Literal) this.finishWord()
    if (this.state !== State.Done) throw new JsonSyntaxError('unexpected end of input', this.offset)
  }

  private structural(chunk: Uint8Array, i: number): number {
    const c = chunk[i] as number
    if (isSpace(c)) return i + 1
    const at = this.offset + i
    switch (this.state) {
      case State.Value:
      case State.ArrayFirst:
        if (this.state === State.ArrayFirst && c === 0x5d) return this.close(1, at, i)
        return this.startValue(c, at, i)
      case State.ObjectFirst:
      case State.ObjectKey:
        if (this.state === State.ObjectFirst && c === 0x7d) return this.close(0, at, i)
        if (c !== QUOTE) throw new JsonSyntaxError('expected a property name', at)
        return this.startString(true, at, i)
      case State.Colon:
        if (c !== 0x3a) throw new JsonSyntaxError("expected ':'", at)
        this.state = State.Value
        return i + 1
      case State.AfterValue: {
        const top = this.stack[this.stack.length - 1]
        if (c === 0x2c && top !== undefined) {
          this.state = top === 0 ? State.ObjectKey : State.Value
          return i + 1
        }
        if (c === 0x7d && top === 0) return this.close(0, at, i)
        if (c === 0x5d && top === 1) return this.close(1, at, i)
        throw new JsonSyntaxError(`unexpected '${String.fromCharCode(c)}'`, at)
      }
      case State.Done:
        throw new JsonSyntaxError('unexpected data after the end of the JSON value', at)
      default:
        throw new JsonSyntaxError('tokenizer state error', at)
    }
  }

  private startValue(c: number, at: number, i: number): number {
    if (c === 0x7b) {
      this.stack.push(0)
      this.state = State.ObjectFirst
      this.events.startObject(at)
      return i + 1
    }
    if (c === 0x5b) {
      this.stack.push(1)
      this.state = State.ArrayFirst
      this.events.startArray(at)
      return i + 1
    }
    if (c === QUOTE) return this.startString(false, at, i)
    this.tokenStart = at
    this.text = ''
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.state = State.Number
    else if (c === 0x74 || c === 0x66 || c === 0x6e) this.state = State.Literal
    else throw new JsonSyntaxError(`unexpected '${String.fromCharCode(c)}'`, at)
    return i
  }

  private close(kind: number, at: number, i: number): number {
    if (this.stack.pop() !== kind) throw new JsonSyntaxError('mismatched bracket', at)
    if (kind === 0) this.events.endObject()
    else this.events.endArray()
    this.valueDone()
    return i + 1
  }

  private valueDone(): void {
    this.state = this.stack.length === 0 ? State.Done : State.AfterValue
  }

  private startString(isKey: boolean, at: number, i: number): number {
    this.state = State.String
    this.stringIsKey = isKey
    this.tokenStart = at
    this.parts = []
    this.escaped = false
    this.hasEscape = false
    return i + 1
  }

  private scanString(chunk: Uint8Array, start: number): number {
    const keep = this.stringIsKey || this.decodeStrings
    let escaped = this.escaped
    let i = start
    for (; i < chunk.length; i++) {
      const c = chunk[i] as number
      if (escaped) escaped = false
      else if (c === BACKSLASH) {
        escaped = true
        this.hasEscape = true
      } else if (c === QUOTE) break
    }
    this.escaped = escaped
    if (keep && i > start) this.parts.push(chunk.slice(start, i))
    if (i === chunk.length) return i
    this.finishString(keep)
    return i + 1
  }

  private finishString(keep: boolean): void {
    const isKey = this.stringIsKey
    let value: string | undefined
    let invalid = false
    if (keep) {
      const bytes =
        this.parts.length === 1 ? (this.parts[0] as Uint8Array) : Buffer.concat(this.parts)
      this.parts = []
      try {
        value = strictUtf8.decode(bytes)
      } catch {
        invalid = true
        value = lenientUtf8.decode(bytes)
      }
      if (this.hasEscape) value = this.unescape(value)
    }
    if (isKey) {
      this.state = State.Colon
      this.events.key(value ?? '')
      return
    }
    this.valueDone()
    this.events.value(value, this.tokenStart, invalid)
  }

  private unescape(raw: string): string {
    try {
      return JSON.parse(`"${raw}"`) as string
    } catch {
      throw new JsonSyntaxError('bad escape or control character in a string', this.tokenStart)
    }
  }

  private scanWord(chunk: Uint8Array, start: number): number {
    let i = start
    const numeric = this.state === State.Number
    while (i < chunk.length) {
      const c = chunk[i] as number
      if (numeric ? !isNumberByte(c) : c < 0x61 || c > 0x7a) break
      i++
    }
    this.text += Buffer.from(chunk.buffer, chunk.byteOffset + start, i - start).toString('latin1')
    if (i < chunk.length) this.finishWord()
    return i
  }

  private finishWord(): void {
    const text = this.text
    let value: number | boolean | null
    if (this.state === State.Number) {
      value = Number(text)
      if (text === '' || text === '-' || Number.isNaN(value))
        throw new JsonSyntaxError(`bad number '${text}'`, this.tokenStart)
    } else if (text === 'true') value = true
    else if (text === 'false') value = false
    else if (text === 'null') value = null
    else throw new JsonSyntaxError(`unexpected '${text}'`, this.tokenStart)
    this.valueDone()
    this.events.value(value, this.tokenStart, false)
  }
}
