/** Fills and submits the article's comment form the way a reader would, with or without JavaScript. */

import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'

/** The textarea contract shared with the site: name="body", limited to 300 graphemes. */
export const COMMENT_BODY = 'textarea[name="body"][data-grapheme-limit="300"]'

/** Fills every field of the comment form, submits it, and returns once the answer has loaded. */
export async function submitComment(page: Page, body: string): Promise<void> {
  const form = page.locator('form', { has: page.locator(COMMENT_BODY) })
  assert.equal(await form.count(), 1, 'exactly one comment form on the article page')
  for (const input of await form.locator('input:visible').all()) {
    const type = (await input.getAttribute('type')) ?? 'text'
    if (type === 'email') await input.fill('reader@example.org')
    else if (['text', 'search', ''].includes(type)) await input.fill('Ada Reader')
  }
  await form.locator(COMMENT_BODY).fill(body)
  const posted = page.waitForResponse((response) => response.request().method() === 'POST')
  await form
    .locator('button[type="submit"], button:not([type]), input[type="submit"]')
    .first()
    .click()
  const response = await posted
  assert.ok(response.status() < 400, `the comment POST answered ${response.status()}`)
  await page.waitForLoadState('load')
}

/** Asserts the page now shows the comment, or a status message (it may await moderation). */
export async function assertCommentAcknowledged(page: Page, body: string): Promise<void> {
  const shown = await page.evaluate(
    (text) =>
      document.body.innerText.includes(text) ||
      [...document.querySelectorAll('[role="status"], output')].some(
        (element) => (element.textContent ?? '').trim() !== '',
      ),
    body,
  )
  assert.ok(shown, `after posting, ${page.url()} shows neither the comment nor a status message`)
}
