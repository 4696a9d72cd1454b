/** Collects what must never happen on a page: console errors, uncaught errors, CSP violations, failed loads. */

import type { BrowserContext, Page } from 'playwright-core'

export interface PageWatch {
  /** Problems seen since the last call, cleared by the call. */
  take(): string[]
}

/** Reports CSP violations as console errors (init scripts run outside the page's CSP). */
export async function reportCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}`,
      )
    })
  })
}

/** Starts recording the problems of `page`. */
export function watchPage(page: Page): PageWatch {
  let problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const source = message.location().url
    // A document's own status (the 404 page) is logged too; the tests assert that status instead.
    if (message.text().startsWith('Failed to load resource') && source === page.url()) return
    problems.push(`console error on ${page.url()}: ${message.text()} (${source})`)
  })
  page.on('pageerror', (error) =>
    problems.push(`uncaught error on ${page.url()}: ${error.message}`),
  )
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '?'
    // A navigation (the tests' next goto, a form's submit) cancels the page's images still
    // loading: that is the browser's doing, not a failure of ours. A broken image still shows,
    // as a 4xx/5xx response below or another network error.
    if (error === 'net::ERR_ABORTED' && request.resourceType() !== 'document') return
    problems.push(`request failed: ${request.url()} (${error})`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`${response.status()} for ${response.url()} on ${page.url()}`)
    }
  })
  return {
    take() {
      const taken = problems
      problems = []
      return taken
    },
  }
}
