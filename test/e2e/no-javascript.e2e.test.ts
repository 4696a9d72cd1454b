/** With JavaScript off the story still renders, a comment still posts and search still works. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assertCommentAcknowledged, submitComment } from './support/comment-form.js'
import { browserSuite } from './support/suite.js'

browserSuite('article page without JavaScript', (suite) => {
  test('the story renders with its headline and body', async () => {
    const { page } = await suite.open({ javaScriptEnabled: false })
    const response = await page.goto(suite.site.urls.article)
    assert.equal(response?.status(), 200)
    assert.equal((await page.locator('h1').first().textContent())?.trim(), suite.site.headline)
    const paragraphs = await page.locator('main p').count()
    assert.ok(paragraphs > 0, 'the story body has paragraphs')
  })

  test('the comment form posts without JavaScript', async () => {
    const { page } = await suite.open({ javaScriptEnabled: false })
    await page.goto(suite.site.urls.article)
    const body = 'Read this on an old phone with scripts off; it works.'
    await submitComment(page, body)
    await assertCommentAcknowledged(page, body)
  })

  test('the masthead search box finds the story', async () => {
    const { page } = await suite.open({ javaScriptEnabled: false })
    await page.goto(suite.site.urls.front)
    await page.getByRole('searchbox', { name: 'Search stories' }).fill(suite.site.headline)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\?q=/)
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Search')
    const headlines = await page.locator('.search-result-headline').allTextContents()
    assert.ok(headlines.map((h) => h.trim()).includes(suite.site.headline), headlines.join(' | '))
  })
})
