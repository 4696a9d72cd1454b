/** Integrations: API keys as services return them (never the key itself after creation). */

export interface ApiKey {
  id: number
  name: string
  /** The key's first characters (`mh_` and 8 more), enough to tell keys apart in a list. */
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

/** What a request's key resolved to. */
export interface ApiCaller {
  keyId: number
  name: string
}
