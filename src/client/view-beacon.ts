/**
 * The view beacon: tells the server once per page load that a story was shown, so pages a CDN
 * served are counted too. It sends back the signed token the page carries (the server counts
 * beacons only from pages it rendered, for a short while). The server recognises the same
 * reader's page request and beacon as one view (the daily visitor hash), so a page it served
 * itself is not counted twice.
 */

const ENDPOINT = '/api/v1/views'
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The story's slug: the last segment of the canonical path (the page's own path as a fallback). */
function storySlug(): string | undefined {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')
  const path = canonical === null ? location.pathname : new URL(canonical.href).pathname
  const slug = path
    .split('/')
    .filter((part) => part !== '')
    .pop()
  return slug !== undefined && SLUG.test(slug) ? slug : undefined
}

/** The page's view token (set on the story element when the page was rendered). */
function viewToken(): string | undefined {
  return document.querySelector<HTMLElement>('[data-view-token]')?.dataset.viewToken
}

/** The host the reader came from (only the host name ever leaves the page), or undefined. */
function referrerHost(): string | undefined {
  try {
    return document.referrer === '' ? undefined : new URL(document.referrer).hostname || undefined
  } catch {
    return undefined
  }
}

function send(): void {
  const slug = storySlug()
  const token = viewToken()
  if (slug === undefined || token === undefined) return
  const ref = referrerHost()
  // A string body goes as text/plain: no CORS preflight, and the server reads it as JSON.
  const body = JSON.stringify(ref === undefined ? { slug, token } : { slug, token, ref })
  if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(ENDPOINT, body)) return
  fetch(ENDPOINT, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {
    // Counting is best effort; the reader never hears about it.
  })
}

// A prerendered page is not seen yet: count it when (and if) the reader actually opens it.
if ((document as Document & { prerendering?: boolean }).prerendering === true) {
  document.addEventListener('prerenderingchange', send, { once: true })
} else {
  send()
}
