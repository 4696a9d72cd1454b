/** axe-core finds no WCAG 2.2 AA violation on any kind of page, light or dark, wide or narrow. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { axeViolations } from './support/axe.js'
import type { SiteUrls } from './support/site.js'
import { browserSuite } from './support/suite.js'

const PAGES: (keyof SiteUrls)[] = ['front', 'section', 'article', 'author', 'tag', 'missing']

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

  test('at 320 px no page scrolls sideways', async () => {
    const { page } = await suite.open({ viewport: { width: 320, height: 640 } })
    const wide: string[] = []
    for (const name of PAGES) {
      await page.goto(suite.site.urls[name], { waitUntil: 'load' })
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }))
      if (scrollWidth > clientWidth) wide.push(`${name}: ${scrollWidth}px wide in ${clientWidth}px`)
    }
    assert.deepEqual(wide, [])
  })
})
