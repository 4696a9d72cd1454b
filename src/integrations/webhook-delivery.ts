/** Sends one signed webhook request and reports what happened; it never throws. */

import { signatureHeader } from './webhook-signature.js'

export const WEBHOOK_TIMEOUT_MS = 10_000
export const WEBHOOK_USER_AGENT = 'Masthead-Webhooks/1'

/** One attempt's result: `ok` only for a 2xx answer. */
export interface AttemptResult {
  ok: boolean
  statusCode: number | null
  durationMs: number
  error: string | null
}

/** What to send: the delivery's id, event and body, where, and the secret that signs it. */
export interface OutgoingDelivery {
  id: number
  event: string
  payload: string
  url: string
  secret: string
}

/**
 * POSTs `delivery` to its URL, signed at `now`. Redirects are not followed (a 3xx is a failure
 * the operator sees in the log: following one could carry the payload to another host), and a
 * network error or timeout is a failed attempt, not an exception.
 */
export async function sendWebhook(
  delivery: OutgoingDelivery,
  now: Date,
  timeoutMs: number = WEBHOOK_TIMEOUT_MS,
): Promise<AttemptResult> {
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': WEBHOOK_USER_AGENT,
        'Masthead-Event': delivery.event,
        'Masthead-Delivery': String(delivery.id),
        'Masthead-Signature': signatureHeader(
          delivery.secret,
          Math.floor(now.getTime() / 1000),
          delivery.payload,
        ),
      },
      body: delivery.payload,
    })
    // The answer's body is not needed; cancelling it frees the connection.
    await response.body?.cancel().catch(() => undefined)
    const ok = response.status >= 200 && response.status < 300
    const error = ok
      ? null
      : response.status >= 300 && response.status < 400
        ? `redirect to ${response.headers.get('location') ?? '(no location)'} not followed`
        : `HTTP ${response.status}`
    return { ok, statusCode: response.status, durationMs: elapsed(), error }
  } catch (error) {
    return { ok: false, statusCode: null, durationMs: elapsed(), error: describe(error) }
  }
}

/** A network failure in one line: fetch hides the real reason in `cause`. */
function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timed out'
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string }) : null
  const detail = cause?.code ?? cause?.message
  const message = error instanceof Error ? error.message : String(error)
  return detail === undefined ? message : `${message} (${detail})`
}
