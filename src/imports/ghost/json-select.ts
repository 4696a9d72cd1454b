/** Picks values out of a JSON byte stream by path, building only those and skipping the rest. */

import { type JsonEvents, JsonTokenizer } from './json-tokenizer.js'

export type JsonPath = readonly (string | number)[]
export type JsonKind = 'object' | 'array' | 'value'

/** What to do with the value that starts at a path: build it whole, walk into it, or skip it. */
export type JsonChoice = 'take' | 'enter' | 'skip'

/** A value built whole at a chosen path, with where it started. */
export interface TakenValue {
  path: JsonPath
  value: unknown
  offset: number
  /** Some string inside held invalid UTF-8 (replaced by U+FFFD). */
  invalidUtf8: boolean
}

/** Decides per path; called for every value inside containers it entered (and for the root). */
export type JsonChooser = (path: JsonPath, kind: JsonKind) => JsonChoice

type Container = Record<string, unknown> | unknown[]
interface Building {
  container: Container
  key: string
}

/** Turns tokenizer events into taken values; see `selectJson`. */
class Selector implements JsonEvents {
  readonly taken: TakenValue[] = []
  tokenizer!: JsonTokenizer
  private readonly choose: JsonChooser
  private readonly path: (string | number)[] = []
  private readonly enteredArrays: boolean[] = []
  private readonly nextIndex: number[] = []
  private skipDepth = 0
  private building: Building[] = []
  private buildStart = 0
  private buildInvalid = false

  constructor(choose: JsonChooser) {
    this.choose = choose
  }

  startObject(offset: number): void {
    this.start('object', offset, () => ({}))
  }

  startArray(offset: number): void {
    this.start('array', offset, () => [])
  }

  endObject(): void {
    this.end()
  }

  endArray(): void {
    this.end()
  }

  key(name: string): void {
    if (this.skipDepth > 0) return
    const top = this.building[this.building.length - 1]
    if (top !== undefined) top.key = name
    else this.path[this.path.length - 1] = name
  }

  value(value: string | number | boolean | null | undefined, offset: number, invalid: boolean) {
    if (this.skipDepth > 0) return
    if (this.building.length > 0) {
      if (invalid) this.buildInvalid = true
      this.attach(value)
      return
    }
    this.advanceIndex()
    if (this.choose(this.path, 'value') === 'take')
      this.taken.push({ path: [...this.path], value, offset, invalidUtf8: invalid })
  }

  private start(kind: 'object' | 'array', offset: number, make: () => Container): void {
    if (this.skipDepth > 0) {
      this.skipDepth++
      return
    }
    if (this.building.length > 0) {
      const container = make()
      this.attach(container)
      this.building.push({ container, key: '' })
      return
    }
    this.advanceIndex()
    const choice = this.choose(this.path, kind)
    if (choice === 'take') {
      this.buildStart = offset
      this.buildInvalid = false
      this.building.push({ container: make(), key: '' })
    } else if (choice === 'enter') {
      this.enteredArrays.push(kind === 'array')
      this.nextIndex.push(0)
      this.path.push(kind === 'array' ? -1 : '')
    } else {
      this.skipDepth = 1
      this.tokenizer.decodeStrings = false
    }
  }

  private end(): void {
    if (this.skipDepth > 0) {
      this.skipDepth--
      if (this.skipDepth === 0) this.tokenizer.decodeStrings = true
      return
    }
    const done = this.building.pop()
    if (done !== undefined) {
      if (this.building.length === 0) {
        const taken = { path: [...this.path], value: done.container, offset: this.buildStart }
        this.taken.push({ ...taken, invalidUtf8: this.buildInvalid })
      }
      return
    }
    this.enteredArrays.pop()
    this.nextIndex.pop()
    this.path.pop()
  }

  /** In an entered array, the next value gets the next index as the last path segment. */
  private advanceIndex(): void {
    const depth = this.enteredArrays.length - 1
    if (depth < 0 || this.enteredArrays[depth] !== true) return
    const index = this.nextIndex[depth] as number
    this.nextIndex[depth] = index + 1
    this.path[this.path.length - 1] = index
  }

  private attach(value: unknown): void {
    const top = this.building[this.building.length - 1] as Building
    if (Array.isArray(top.container)) top.container.push(value)
    else top.container[top.key] = value
  }
}

/** Progress of a read: bytes consumed so far. */
export type OnBytes = (bytesRead: number) => void

/**
 * Streams `source` and yields each value `choose` asked to take, in document order. Memory holds
 * one chunk plus the values taken from it; everything skipped is only scanned.
 * @example for await (const t of selectJson(stream, (p) => p.length < 2 ? 'enter' : 'take')) …
 */
export async function* selectJson(
  source: AsyncIterable<Uint8Array>,
  choose: JsonChooser,
  onBytes?: OnBytes,
): AsyncGenerator<TakenValue> {
  const selector = new Selector(choose)
  const tokenizer = new JsonTokenizer(selector)
  selector.tokenizer = tokenizer
  try {
    for await (const chunk of source) {
      tokenizer.write(chunk)
      onBytes?.(tokenizer.position)
      yield* selector.taken.splice(0)
    }
    tokenizer.end()
  } catch (error) {
    // Values finished before a syntax error are still good: hand them over first.
    yield* selector.taken.splice(0)
    throw error
  }
  yield* selector.taken.splice(0)
}
