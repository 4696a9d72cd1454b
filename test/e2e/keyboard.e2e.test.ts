/** A keyboard user can skip to the story and get back to the front page from the bottom. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { browserSuite } from './support/suite.js'

const BACK_TO_FRONT = /^back to (the )?front page$/i

browserSuite('keyboard', (suite) => {
  for (const name of ['front', 'article'] as const) {
    test(`on the ${name} page the first Tab focuses the skip link, and Enter moves focus into main`, async () => {
      const { page } = await suite.open()
      await page.goto(suite.site.urls[name])
      await page.keyboard.press('Tab')
      const first = await page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim(),
        href: document.activeElement?.getAttribute('href'),
      }))
      assert.deepEqual(first, { text: 'Skip to main content', href: '#main' })
      await page.keyboard.press('Enter')
      const focus = await page.evaluate(() => ({
        inMain: document.activeElement?.closest('main, #main') != null,
        tag: document.activeElement?.tagName,
      }))
      assert.ok(focus.inMain, `after Enter, focus is on a ${focus.tag} outside main`)
    })
  }

  test('"Back to front page" at the bottom of a story works from the keyboard', async () => {
    const { page } = await suite.open()
    await page.goto(suite.site.urls.article)
    // With nothing focused, Shift+Tab starts from the end of the page, as a reader at the bottom would.
    let reached = false
    for (let presses = 0; presses < 80 && !reached; presses++) {
      await page.keyboard.press('Shift+Tab')
      reached = BACK_TO_FRONT.test(
        await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
      )
    }
    assert.ok(reached, 'no "Back to front page" link is reachable by Shift+Tab from the bottom')
    const isLastOne = await page.evaluate((pattern) => {
      const links = [...document.querySelectorAll('a')].filter((a) =>
        new RegExp(pattern, 'i').test(a.textContent?.trim() ?? ''),
      )
      return links.length >= 2 && links.at(-1) === document.activeElement
    }, BACK_TO_FRONT.source)
    assert.ok(isLastOne, 'the link reached from the bottom is not the last of (at least) two')
    await page.keyboard.press('Enter')
    await page.waitForURL(suite.site.urls.front)
  })
})
