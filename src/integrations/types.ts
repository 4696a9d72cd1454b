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

/** A webhook subscription as services return it (its secret only once, from `add`). */
export interface Webhook {
  id: number
  url: string
  events: string[]
  active: boolean
  createdAt: Date
}

/** One event queued for one webhook, and what happened at its last attempt. */
export interface WebhookDelivery {
  id: number
  webhookId: number
  event: string
  storyId: number | null
  status: 'pending' | 'delivered' | 'failed' | 'cancelled'
  attempts: number
  nextAttemptAt: Date | null
  lastAttemptAt: Date | null
  lastStatusCode: number | null
  lastDurationMs: number | null
  lastError: string | null
  createdAt: Date
  finishedAt: Date | null
}
