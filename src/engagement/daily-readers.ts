/**
 * One day's dedupe memory: which stories each reader was counted for, and their last few stories
 * (for co-reads), in typed arrays keyed by 64-bit hashes, so a million readers fit in tens of
 * megabytes instead of the hundreds a Set of strings would take.
 */

/** How many of a reader's latest stories of the day a new story is paired with (co-reads). */
export const CO_READ_DEPTH = 8

/** Largest sizes the tables may grow to; past them the day's memory starts over (see reset). */
export interface DailyReadersLimits {
  /** Slots of the overflow (reader, story) table of heavy readers, a power of two: 12 bytes each. */
  maxPairSlots: number
  /** Slots of the reader table, a power of two: 12 bytes each. */
  maxReaderSlots: number
  /** Readers with two or more stories, who keep a history block of 4 × (1 + depth) bytes. */
  maxHistories: number
}

/**
 * The default caps, about 150 MB at most: 4M reader slots (48 MB, 3M readers), 2M history blocks
 * (72 MB) and 2M overflow pair slots (24 MB). A day of one million readers reading three
 * stories each takes about 60 MB.
 */
export const DEFAULT_LIMITS: DailyReadersLimits = {
  maxPairSlots: 1 << 21,
  maxReaderSlots: 1 << 22,
  maxHistories: 1 << 21,
}

const INITIAL_SLOTS = 1 << 12
const MAX_LOAD = 0.75
const STRIDE = 1 + CO_READ_DEPTH

/** The outcome of one visit: whether it is new, and the earlier stories it pairs with. */
export interface Visit {
  /** False when this reader already read this story today. */
  counted: boolean
  /** How many entries of `partners` are valid (earlier stories of this reader, oldest first). */
  partnerCount: number
  /** Reused buffer: read only the first partnerCount entries, before the next visit. */
  readonly partners: Int32Array
}

/** A 64-bit-keyed open-addressing table (linear probing) with an Int32 value per key. */
class HashTable {
  keys: Uint32Array
  values: Int32Array
  size = 0
  mask: number
  /** 32 - log2(slots): the slot is the top bits of a multiplicative (Fibonacci) hash. */
  shift: number

  constructor(slots: number) {
    this.keys = new Uint32Array(slots * 2)
    this.values = new Int32Array(slots)
    this.mask = slots - 1
    this.shift = 32 - Math.log2(slots)
  }

  get slots(): number {
    return this.mask + 1
  }

  /** The slot holding (hi, lo), or the empty slot where it would go (value 0 there). */
  slotOf(hi: number, lo: number): number {
    const keys = this.keys
    // The top bits of the product depend on every key bit; low bits alone would cluster keys
    // that differ only high up.
    let slot = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> this.shift
    for (;;) {
      const khi = keys[slot * 2] ?? 0
      const klo = keys[slot * 2 + 1] ?? 0
      if (khi === hi && klo === lo) return slot
      if (khi === 0 && klo === 0) return slot
      slot = (slot + 1) & this.mask
    }
  }

  /** Puts (hi, lo) into the empty `slot` found by slotOf. */
  fill(slot: number, hi: number, lo: number, value: number): void {
    this.keys[slot * 2] = hi
    this.keys[slot * 2 + 1] = lo
    this.values[slot] = value
    this.size += 1
  }

  isFree(slot: number): boolean {
    return this.keys[slot * 2] === 0 && this.keys[slot * 2 + 1] === 0
  }

  /** A table twice the size holding the same entries. */
  grown(): HashTable {
    const next = new HashTable(this.slots * 2)
    for (let slot = 0; slot <= this.mask; slot++) {
      if (this.isFree(slot)) continue
      const hi = this.keys[slot * 2] ?? 0
      const lo = this.keys[slot * 2 + 1] ?? 0
      next.fill(next.slotOf(hi, lo), hi, lo, this.values[slot] ?? 0)
    }
    return next
  }

  bytes(): number {
    return this.keys.byteLength + this.values.byteLength
  }
}

/**
 * The dedupe and co-read memory of one UTC day in one process. Each reader has their latest
 * stories (at most CO_READ_DEPTH) next to their key: a repeat is found there, and the same list
 * gives the co-read partners, so most counts touch one table slot and one small block. Only the
 * stories that fall off a heavy reader's list go into a (reader, story) pair table.
 */
export class DailyReaders {
  private pairs = new HashTable(INITIAL_SLOTS)
  private readers = new HashTable(INITIAL_SLOTS)
  /** Blocks of [stories read today, then up to CO_READ_DEPTH latest story ids, oldest first]. */
  private histories = new Int32Array(INITIAL_SLOTS * STRIDE)
  private historyCount = 0
  private resets = 0
  private readonly visit: Visit = {
    counted: false,
    partnerCount: 0,
    partners: new Int32Array(CO_READ_DEPTH),
  }

  constructor(private readonly limits: DailyReadersLimits = DEFAULT_LIMITS) {}

  /**
   * Records that reader (hi, lo) opened `articleId` (a positive id). The returned object is
   * reused by the next call.
   */
  record(hi: number, lo: number, articleId: number): Visit {
    const visit = this.visit
    visit.partnerCount = 0
    visit.counted = false
    // Keys are compared as unsigned 32-bit words (as the Uint32Arrays hold them); key (0, 0)
    // marks an empty slot, so a reader hashing to it is nudged (one in 2^64).
    hi >>>= 0
    lo >>>= 0
    if (hi === 0 && lo === 0) lo = 1
    if (!this.roomFor()) this.reset()

    const readers = this.readers
    const slot = readers.slotOf(hi, lo)
    if (readers.isFree(slot)) {
      readers.fill(slot, hi, lo, articleId)
      visit.counted = true
      return visit
    }
    const value = readers.values[slot] ?? 0
    if (value > 0) {
      if (value === articleId) return visit
      // The reader's second story: from now on they need a history block.
      visit.partners[0] = value
      visit.partnerCount = 1
      visit.counted = true
      const block = this.newHistory()
      const h = this.histories
      h[block * STRIDE] = 2
      h[block * STRIDE + 1] = value
      h[block * STRIDE + 2] = articleId
      readers.values[slot] = -(block + 1)
      return visit
    }
    const base = (-value - 1) * STRIDE
    const h = this.histories
    const total = h[base] ?? 0
    const held = total < CO_READ_DEPTH ? total : CO_READ_DEPTH
    for (let i = 1; i <= held; i++) if (h[base + i] === articleId) return visit
    if (total > CO_READ_DEPTH && !this.pairs.isFree(this.pairSlot(hi, lo, articleId))) return visit

    visit.counted = true
    for (let i = 0; i < held; i++) visit.partners[i] = h[base + 1 + i] ?? 0
    visit.partnerCount = held
    if (held < CO_READ_DEPTH) {
      h[base + 1 + held] = articleId
    } else {
      // The oldest story leaves the list; the pair table keeps it from counting twice.
      const evicted = h[base + 1] ?? 0
      h.copyWithin(base + 1, base + 2, base + 1 + CO_READ_DEPTH)
      h[base + CO_READ_DEPTH] = articleId
      this.addPair(hi, lo, evicted)
    }
    h[base] = total + 1
    return visit
  }

  /** How many times the caps forced a fresh start today (0 on a normal day). */
  get resetCount(): number {
    return this.resets
  }

  /** Readers, history blocks and overflow pairs held now. */
  get counts(): { pairs: number; readers: number; histories: number } {
    return { pairs: this.pairs.size, readers: this.readers.size, histories: this.historyCount }
  }

  /** Bytes held by the typed arrays (the whole of this structure's memory, bar a few objects). */
  bytes(): number {
    return this.pairs.bytes() + this.readers.bytes() + this.histories.byteLength
  }

  /** The pair table's slot for (reader, story): where it is, or where it would go. */
  private pairSlot(hi: number, lo: number, articleId: number): number {
    const pairHi = fmix(hi ^ Math.imul(articleId, 0x85ebca6b)) >>> 0
    const pairLo = (fmix(lo ^ Math.imul(articleId ^ 0x5bd1e995, 0xc2b2ae35)) | 1) >>> 0
    return this.pairs.slotOf(pairHi, pairLo)
  }

  private addPair(hi: number, lo: number, articleId: number): void {
    const pairHi = fmix(hi ^ Math.imul(articleId, 0x85ebca6b)) >>> 0
    const pairLo = (fmix(lo ^ Math.imul(articleId ^ 0x5bd1e995, 0xc2b2ae35)) | 1) >>> 0
    const slot = this.pairs.slotOf(pairHi, pairLo)
    if (this.pairs.isFree(slot)) this.pairs.fill(slot, pairHi, pairLo, 1)
  }

  private newHistory(): number {
    const block = this.historyCount
    this.historyCount += 1
    if (this.historyCount * STRIDE > this.histories.length) {
      const grown = new Int32Array(this.histories.length * 2)
      grown.set(this.histories)
      this.histories = grown
    }
    return block
  }

  /** Grows what is past its load; false when something may not grow any more. */
  private roomFor(): boolean {
    if (this.historyCount >= this.limits.maxHistories) return false
    if (this.pairs.size + 1 > this.pairs.slots * MAX_LOAD) {
      if (this.pairs.slots * 2 > this.limits.maxPairSlots) return false
      this.pairs = this.pairs.grown()
    }
    if (this.readers.size + 1 > this.readers.slots * MAX_LOAD) {
      if (this.readers.slots * 2 > this.limits.maxReaderSlots) return false
      this.readers = this.readers.grown()
    }
    return true
  }

  /**
   * Starts the day's memory over at the caps: readers seen before the reset can count once more.
   * Bounded memory is worth that on a day with millions of distinct readers in one process.
   */
  private reset(): void {
    this.resets += 1
    this.pairs = new HashTable(INITIAL_SLOTS)
    this.readers = new HashTable(INITIAL_SLOTS)
    this.histories = new Int32Array(INITIAL_SLOTS * STRIDE)
    this.historyCount = 0
  }
}

/**
 * One day's per-address quota: how many distinct readers each (address, story) pair added. A
 * client that rotates its User-Agent is a new reader every time, but not a new address, so it
 * adds at most `cap` views to a story a day (and so weighs at most that in the rankings).
 */
export class AddressQuotas {
  private table = new HashTable(INITIAL_SLOTS)
  private resets = 0

  /** `cap` readers per (address, story) and day, 0 for none; `maxSlots` bounds memory (12 B each). */
  constructor(
    private readonly cap: number,
    private readonly maxSlots: number = 1 << 21,
  ) {}

  /**
   * Takes one reader from the quota of address (hi, lo) on `articleId`: true when it was under
   * the cap (the view counts), false when the address already added `cap` readers today.
   */
  admit(hi: number, lo: number, articleId: number): boolean {
    if (this.cap === 0) return true
    const keyHi = fmix(hi ^ Math.imul(articleId, 0xcc9e2d51)) >>> 0
    const keyLo = (fmix(lo ^ Math.imul(articleId ^ 0x1b873593, 0x85ebca6b)) | 1) >>> 0
    if (this.table.size + 1 > this.table.slots * MAX_LOAD) {
      // At the cap the quotas start over: an address may then add up to `cap` once more, which
      // bounds memory on a day with millions of (address, story) pairs in one process.
      if (this.table.slots * 2 > this.maxSlots) {
        this.table = new HashTable(INITIAL_SLOTS)
        this.resets += 1
      } else {
        this.table = this.table.grown()
      }
    }
    const slot = this.table.slotOf(keyHi, keyLo)
    if (this.table.isFree(slot)) {
      this.table.fill(slot, keyHi, keyLo, 1)
      return true
    }
    const used = this.table.values[slot] ?? 0
    if (used >= this.cap) return false
    this.table.values[slot] = used + 1
    return true
  }

  /** (address, story) pairs held, and how often the memory cap forced a fresh start today. */
  get counts(): { pairs: number; resets: number } {
    return { pairs: this.table.size, resets: this.resets }
  }
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. */
function fmix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
