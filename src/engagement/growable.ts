/** Typed arrays that grow by doubling: compact columns for indexes of 100,000 stories and more. */

type TypedArray = Int32Array | Float32Array | Float64Array | Uint16Array | Uint8Array

interface TypedArrayConstructor<A extends TypedArray> {
  new (length: number): A
}

/** A column of numbers in one typed array, appended to and read by position. */
export class Growable<A extends TypedArray> {
  data: A
  length = 0
  readonly #make: TypedArrayConstructor<A>

  constructor(make: TypedArrayConstructor<A>, capacity = 1024) {
    this.#make = make
    this.data = new make(capacity)
  }

  /** Appends `value`; returns its position. */
  push(value: number): number {
    if (this.length === this.data.length) this.#grow(this.length * 2)
    this.data[this.length] = value
    return this.length++
  }

  /** Makes position `index` valid (new positions read 0). */
  ensure(index: number): void {
    if (index >= this.data.length) this.#grow(Math.max(index + 1, this.data.length * 2))
    if (index >= this.length) this.length = index + 1
  }

  /** The value at `index`, or 0 past the end. */
  at(index: number): number {
    return index < this.length ? (this.data[index] ?? 0) : 0
  }

  /** Drops the spare capacity (a column that is done growing); the next push doubles again. */
  trim(): void {
    if (this.data.length > this.length)
      this.data = this.data.slice(0, Math.max(this.length, 1)) as A
  }

  /** Bytes held by the backing array. */
  get bytes(): number {
    return this.data.byteLength
  }

  #grow(capacity: number): void {
    const next = new this.#make(capacity)
    next.set(this.data)
    this.data = next
  }
}
