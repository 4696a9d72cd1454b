/** The cache store interface: tagged, byte-bounded, expiring entries (in memory now, Redis later). */

/**
 * One cached response: its encoded bodies and the headers to replay with them. An entry is
 * complete when set and never changes afterwards: an owner that adds a coding later sets a new
 * entry (counted afresh), so a shared store (Redis) can hold exactly what a memory store does.
 * Stores keep their own copy and hand out frozen entries; their buffers are shared, never written.
 */
export interface CacheEntry {
  /** The body in each content-coding: `identity` always, `br`/`gzip` when the owner made them. */
  readonly bodies: { readonly identity: Buffer; readonly br?: Buffer; readonly gzip?: Buffer }
  /** Opaque metadata the owner replays (content type, validators); small strings only. */
  readonly meta: Readonly<Record<string, string>>
}

export interface CacheSetOptions {
  /** What the entry shows; purging any of these tags drops it. */
  tags: readonly string[]
  /** How long the entry may be served, in milliseconds. */
  ttlMs: number
}

export interface CacheStore {
  /** The live entry under `key` (frozen), or undefined when absent or expired. */
  get(key: string): Promise<CacheEntry | undefined>
  /**
   * The same answer as get, at once: only stores that hold entries in this process have it, and
   * the web server's front door answers warm pages through it (a promise per hit costs more than
   * the lookup). A store elsewhere (Redis) leaves it out and pages go through get.
   */
  getNow?(key: string): CacheEntry | undefined
  /**
   * Stores a copy of `entry` under `key`, replacing any previous one; skipped when it cannot fit.
   * Changing `entry` afterwards does not change what is stored.
   */
  set(key: string, entry: CacheEntry, options: CacheSetOptions): Promise<void>
  /** Drops every entry carrying any of `tags`; resolves with how many were dropped. */
  purgeTags(tags: readonly string[]): Promise<number>
  /** Drops everything. */
  clear(): Promise<void>
  /** How many entries are held (expired ones may still count until touched). */
  size(): Promise<number>
}

/** The bytes an entry costs: every body it holds plus its metadata (two bytes a character). */
export function entryBytes(key: string, entry: CacheEntry): number {
  const { identity, br, gzip } = entry.bodies
  let bytes = identity.length + (br?.length ?? 0) + (gzip?.length ?? 0) + key.length * 2
  for (const [name, value] of Object.entries(entry.meta)) bytes += (name.length + value.length) * 2
  return bytes
}
