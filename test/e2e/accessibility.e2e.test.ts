/** axe-core finds no WCAG 2.2 AA violation on any kind of page, light or dark, wide or narrow. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { axeViolations } from './support/axe.js'
import type { SiteUrls } from './support/site.js'
import { browserSuite } from './support/suite.js'

const PAGES: (keyof SiteUrls)[] = [
  'front',
  'section',
  'article',
  'author',
  'tag',
  'search',
  'missing',
]

browserSuite('accessibility', (suite) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 375]) {
      test(`axe reports no violation on any page (${colorScheme}, ${width} px)`, async () => {
        const { page } = await suite.open({ colorScheme, viewport: { width, height: 900 } })
        const found: string[] = []
        for (const name of PAGES) {
          const response = await page.goto(suite.site.urls[name], { waitUntil: 'load' })
          assert.equal(response?.status(), name === 'missing' ? 404 : 200, `status of ${name}`)
          for (const line of await axeViolations(page)) found.push(`${name} ${page.url()}: ${line}`)
        }
        assert.deepEqual(found, [], `axe violations:\n  ${found.join('\n  ')}`)
      })
    }
  }

  test('at 320 px no page scrolls sideways, nor any story linked from the front page', async () => {
    const { page } = await suite.open({ viewport: { width: 320, height: 640 } })
    await page.goto(suite.site.urls.front, { waitUntil: 'load' })
    // Every story the front page links to: bylines, credits and headlines differ from story to story.
    const stories = await page.$$eval('main a[href]', (links) =>
      links
        .map((a) => (a as HTMLAnchorElement).href)
        .filter((href) => /^https?:\/\/[^/]+\/[a-z]+\/[a-z0-9-]+$/.test(href)),
    )
    const urls = [...PAGES.map((name) => suite.site.urls[name]), ...new Set(stories)]
    assert.ok(
      urls.length > PAGES.length + 5,
      `too few stories on the front page: ${stories.length}`,
    )
    const wide: string[] = []
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'load' })
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }))
      if (scrollWidth > clientWidth) wide.push(`${url}: ${scrollWidth}px wide in ${clientWidth}px`)
    }
    assert.deepEqual(wide, [])
  })
})
