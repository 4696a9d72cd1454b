/** Pure webhook rules: which URLs and events are accepted, and when a failed delivery is retried. */

/** The events a webhook may subscribe to. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'comment.published',
] as const

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export const WEBHOOK_URL_MAX_LENGTH = 2000

/**
 * Waits after the 1st, 2nd, … failed attempt; past the list the last one repeats. With the
 * default 8 attempts a delivery is tried for about 23 hours before it is given up.
 */
const BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000, 28_800_000]

/** The wait before the next try after `attempts` failed attempts (1-based). */
export function backoffMs(attempts: number): number {
  const index = Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1
  return BACKOFF_MS[index] ?? 0
}

/** `raw` as a normalised http(s) URL, or undefined when it is not one a webhook may call. */
export function webhookUrl(raw: string): string | undefined {
  const trimmed = raw.trim()
  if (trimmed === '' || trimmed.length > WEBHOOK_URL_MAX_LENGTH) return undefined
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  // Credentials in the URL would be sent on every request and shown by `webhook list`.
  if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined
  url.hash = ''
  return url.href
}

/** The events named in `names`, deduplicated in catalogue order; the unknown ones apart. */
export function parseWebhookEvents(names: readonly string[]): {
  events: WebhookEvent[]
  unknown: string[]
} {
  const wanted = new Set(names.map((n) => n.trim()).filter((n) => n !== ''))
  const known = new Set<string>(WEBHOOK_EVENTS)
  return {
    events: WEBHOOK_EVENTS.filter((e) => wanted.has(e)),
    unknown: [...wanted].filter((n) => !known.has(n)),
  }
}
