/** The cache store interface: tagged, byte-bounded, expiring entries (in memory now, Redis later). */

/** One cached response: its encoded bodies and the headers to replay with them. */
export interface CacheEntry {
  /**
   * The body in each content-coding: `identity` always; `br`/`gzip` are filled in by the owner on
   * first need, so a miss compresses only for its own client (the byte count is taken at `set`).
   */
  readonly bodies: { readonly identity: Buffer; br?: Buffer; gzip?: Buffer }
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
  /** The live entry under `key`, or undefined when absent or expired. */
  get(key: string): Promise<CacheEntry | undefined>
  /** Stores `entry` under `key`, replacing any previous one; skipped when it cannot fit. */
  set(key: string, entry: CacheEntry, options: CacheSetOptions): Promise<void>
  /** Drops every entry carrying any of `tags`; resolves with how many were dropped. */
  purgeTags(tags: readonly string[]): Promise<number>
  /** Drops everything. */
  clear(): Promise<void>
  /** How many entries are held (expired ones may still count until touched). */
  size(): Promise<number>
}

/** The bytes an entry costs: its bodies plus its metadata (counted at two bytes a character). */
export function entryBytes(key: string, entry: CacheEntry): number {
  const { identity, br, gzip } = entry.bodies
  let bytes = identity.length + (br?.length ?? 0) + (gzip?.length ?? 0) + key.length * 2
  for (const [name, value] of Object.entries(entry.meta)) bytes += (name.length + value.length) * 2
  return bytes
}
