/** The view beacon in Chromium: sent once per article page, allowed by the CSP, one view per visit. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { browserSuite } from './support/suite.js'

/** A desktop Chrome's agent: Chromium's own says HeadlessChrome, which is not counted. */
const CHROME_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

browserSuite('view beacon', (suite) => {
  const viewsOf = async (slug: string): Promise<number> => {
    await suite.site.testApp.app.services.engagement.flushViews()
    const response = await fetch(`${suite.site.origin}/api/v1/articles/${slug}/views`)
    assert.equal(response.status, 200)
    return ((await response.json()) as { views: number }).views
  }

  test('an article page sends one beacon (204), and the visit counts once', async () => {
    const slug = new URL(suite.site.urls.article).pathname.split('/').pop() ?? ''
    const before = await viewsOf(slug)
    const { page, watch } = await suite.open({ userAgent: CHROME_AGENT })
    const beacon = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/views') && response.request().method() === 'POST',
    )
    await page.goto(suite.site.urls.article)
    const response = await beacon
    assert.equal(response.status(), 204)
    // It sends back the token the page carries, as rendered by the server.
    const token = await page.locator('[data-view-token]').getAttribute('data-view-token')
    assert.ok(token !== null && token !== '')
    assert.deepEqual(JSON.parse(response.request().postData() ?? '{}'), { slug, token })
    assert.equal(await viewsOf(slug), before + 1)
    assert.deepEqual(watch.take(), [])
  })

  test('pages other than stories send no beacon', async () => {
    const { page, watch } = await suite.open({ userAgent: CHROME_AGENT })
    const beacons: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/views')) beacons.push(request.url())
    })
    // Each page loads completely first, so leaving it aborts no photo download.
    await page.goto(suite.site.urls.front, { waitUntil: 'networkidle' })
    await page.goto(suite.site.urls.section, { waitUntil: 'networkidle' })
    assert.deepEqual(beacons, [])
    assert.deepEqual(watch.take(), [])
  })
})
