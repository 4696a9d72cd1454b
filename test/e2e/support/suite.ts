/** Wraps a browser test file: one real site and one Chromium per file, skipped or failed without Chromium. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { chromiumMissing, launchChromium } from './browser.js'
import { reportCspViolations, type PageWatch, watchPage } from './page-watch.js'
import { type RunningSite, type SiteOptions, startSite } from './site.js'

export interface BrowserSuite {
  /** Set once the suite's `before` hook ran. */
  site: RunningSite
  browser: Browser
  /** Opens a page in a fresh context (closed after the suite) that watches for problems. */
  open(
    options?: BrowserContextOptions,
  ): Promise<{ page: Page; watch: PageWatch; context: BrowserContext }>
}

/** Declares a suite of browser tests against a seeded site; `body` declares its tests. */
export function browserSuite(
  name: string,
  body: (suite: BrowserSuite) => void,
  site: SiteOptions = {},
): void {
  const missing = chromiumMissing()
  if (missing !== undefined && process.env.MASTHEAD_REQUIRE_ALL !== '1') {
    test(`${name}: browser tests`, { skip: missing }, () => {})
    return
  }
  const contexts: BrowserContext[] = []
  const suite: BrowserSuite = {
    site: undefined as unknown as RunningSite,
    browser: undefined as unknown as Browser,
    async open(options = {}) {
      const context = await suite.browser.newContext({
        viewport: { width: 1280, height: 900 },
        ...options,
      })
      contexts.push(context)
      if (options.javaScriptEnabled !== false) await reportCspViolations(context)
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      return { page, watch: watchPage(page), context }
    },
  }
  describe(name, () => {
    before(async () => {
      if (missing !== undefined)
        assert.fail(`${missing} (MASTHEAD_REQUIRE_ALL=1 needs the browser tests)`)
      suite.site = await startSite(site)
      suite.browser = await launchChromium()
    })
    after(async () => {
      for (const context of contexts) await context.close()
      await suite.browser?.close()
      await suite.site?.close()
    })
    body(suite)
  })
}
