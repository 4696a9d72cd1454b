/** Comments in Chromium: the live counter, refusals that keep the text, replies, reports and held notices, axe-clean. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe.js'
import { COMMENT_BODY } from './support/comment-form.js'
import { browserSuite } from './support/suite.js'

/** Fills the visible fields of the main comment form and submits it; resolves with the POST's status. */
async function post(page: Page, fields: { name: string; body: string }): Promise<number> {
  const form = page.locator('#comment-form')
  await form.locator('input[name="name"]').fill(fields.name)
  await form.locator(COMMENT_BODY).fill(fields.body)
  const answered = page.waitForResponse((r) => r.request().method() === 'POST')
  await form.locator('button[type="submit"]').click()
  const status = (await answered).status()
  await page.waitForLoadState('load')
  return status
}

async function assertAxeClean(page: Page, where: string): Promise<void> {
  const found = await axeViolations(page)
  assert.deepEqual(found, [], `axe violations on ${where}:\n  ${found.join('\n  ')}`)
}

browserSuite('comments in the browser', (suite) => {
  test('the counter turns over the limit at 301 graphemes; the server refuses and keeps the text', async () => {
    const { page, watch } = await suite.open()
    await page.goto(suite.site.urls.article)
    const counter = page.locator('[data-grapheme-counter]')
    const body = `${'🇯🇵'.repeat(300)}!`
    await page.locator(COMMENT_BODY).fill(body)
    await page.waitForFunction(
      () => document.querySelector('[data-grapheme-counter]')?.textContent === '301/300',
    )
    assert.ok(await counter.evaluate((el) => el.classList.contains('over-limit')))
    const status = await post(page, { name: 'Ada', body })
    assert.equal(status, 400)
    assert.equal(await page.locator(COMMENT_BODY).inputValue(), body)
    assert.equal((await counter.textContent())?.trim(), '301/300')
    assert.equal(await page.locator(COMMENT_BODY).getAttribute('aria-invalid'), 'true')
    await assertAxeClean(page, 'the refused form')
    assert.deepEqual(watch.take(), [])
  })

  test('without JavaScript a reader replies through the Reply link, and reports a comment', async () => {
    const { page } = await suite.open({ javaScriptEnabled: false })
    await page.goto(suite.site.urls.article)
    assert.equal(await post(page, { name: 'Top Reader', body: 'Who paid for the new quay?' }), 303)
    const top = page.locator('.comment', { hasText: 'Who paid for the new quay?' }).first()
    const topId = await top.getAttribute('id')
    await top.locator('.comment-reply').click()
    await page.waitForLoadState('load')
    assert.match(page.url(), /\?reply=\d+#comment-form$/)
    assert.match((await page.locator('.comment-replying').textContent()) ?? '', /Top Reader/)
    assert.equal(await post(page, { name: 'Desk', body: 'The port authority did.' }), 303)
    const reply = page.locator(`#${topId} .comment-replies .comment`).first()
    assert.match((await reply.textContent()) ?? '', /The port authority did\./)

    await reply.locator('.comment-report button').click()
    await page.waitForLoadState('load')
    assert.match(page.url(), /\?notice=reported#comments-title$/)
    assert.match(
      (await page.locator('.comment-notice[role="status"]').textContent()) ?? '',
      /report/i,
    )
  })

  test('a held comment is not shown; the reader reads that it waits for review', async () => {
    const { page, watch } = await suite.open()
    await page.goto(suite.site.urls.article)
    const body = 'Details at www.harbour-facts.example/quay'
    assert.equal(await post(page, { name: 'Linker', body }), 303)
    assert.match(page.url(), /\?notice=held&because=link#comments-title$/)
    const status = page.locator('.comment-notice[role="status"]')
    assert.match(
      (await status.textContent()) ?? '',
      /Thanks — your comment is waiting for review\. It contains a link/,
    )
    assert.equal(await page.getByText(body).count(), 0)
    await assertAxeClean(page, 'the held notice')

    // The other states the page can be in, audited with scripts on (axe runs in the page).
    const firstId = await page.locator('.comment-list > .comment').first().getAttribute('id')
    const states = [
      `?reply=${(firstId ?? '').replace('comment-', '')}`,
      '?notice=reported',
      '?order=oldest',
    ]
    for (const query of states) {
      const response = await page.goto(`${suite.site.urls.article}${query}`)
      assert.equal(response?.status(), 200, query)
      await assertAxeClean(page, query)
    }
    assert.deepEqual(watch.take(), [])
  })
})
