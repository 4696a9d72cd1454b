/** The article page with JavaScript on: comment counter, posting, copy-link, and a clean console on every page. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { assertCommentAcknowledged, COMMENT_BODY, submitComment } from './support/comment-form.js'
import type { SiteUrls } from './support/site.js'
import { browserSuite } from './support/suite.js'

/** Waits until the grapheme counter reads `expected` (e.g. "5/300"); fails with what it read. */
async function waitForCounter(page: Page, expected: string): Promise<void> {
  try {
    await page.waitForFunction(
      (want) =>
        (document.querySelector('[data-grapheme-counter]')?.textContent ?? '')
          .replace(/\s+/g, '')
          .includes(want),
      expected,
      { timeout: 5_000 },
    )
  } catch {
    const text = await page.locator('[data-grapheme-counter]').first().textContent()
    assert.fail(`the counter reads ${JSON.stringify(text)}, expected ${expected}`)
  }
}

browserSuite('article page with JavaScript', (suite) => {
  test('the comment counter starts at 0/300, counts graphemes as you type, and the form posts', async () => {
    const { page, watch } = await suite.open()
    await page.goto(suite.site.urls.article)
    const textarea = page.locator(COMMENT_BODY)
    assert.equal(await textarea.count(), 1, 'one comment textarea with the grapheme contract')
    const describedBy = (await textarea.getAttribute('aria-describedby')) ?? ''
    const counterId = await page.locator('[data-grapheme-counter]').first().getAttribute('id')
    assert.ok(
      counterId !== null && describedBy.split(/\s+/).includes(counterId),
      'textarea is described by the counter',
    )
    await waitForCounter(page, '0/300')
    await textarea.pressSequentially('Hello')
    await waitForCounter(page, '5/300')
    // A flag is two code points (four UTF-16 units) but one character to a reader.
    await textarea.pressSequentially(' 🇳🇴')
    await waitForCounter(page, '7/300')

    const body = 'Clear reporting on the harbour plans, thank you.'
    await submitComment(page, body)
    await assertCommentAcknowledged(page, body)
    assert.deepEqual(watch.take(), [])
  })

  test('the copy-link button is visible and copies the story address', async () => {
    const { page, context, watch } = await suite.open()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.site.origin,
    })
    await page.goto(suite.site.urls.article)
    const button = page.locator('button[data-copy-link]')
    assert.equal(await button.count(), 1, 'one copy-link button')
    assert.ok(await button.isVisible(), 'the copy-link button is visible with JavaScript on')
    await button.click()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    assert.equal(new URL(copied).pathname, new URL(suite.site.urls.article).pathname)
    assert.deepEqual(watch.take(), [])
  })

  test('no page logs a console error, a CSP violation or a failed request', async () => {
    const { page, watch } = await suite.open()
    const problems: string[] = []
    for (const name of Object.keys(suite.site.urls) as (keyof SiteUrls)[]) {
      await page.goto(suite.site.urls[name], { waitUntil: 'networkidle' })
      problems.push(...watch.take())
    }
    assert.deepEqual(problems, [], problems.join('\n'))
  })
})
