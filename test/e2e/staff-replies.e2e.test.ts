/** A staff reply in Chromium: written from the newsroom with the keyboard, shown on the story with its badge. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'

browserSuite('staff replies', (suite) => {
  test('an editor replies from the keyboard; readers see the reply with a Staff badge, axe-clean', async () => {
    const { services } = suite.site.testApp.app
    await services.accounts.addUser({
      email: 'e2e-desk@example.org',
      name: 'Desk Editor',
      role: 'editor',
      password: PASSWORD,
    })
    const slug = new URL(suite.site.urls.article).pathname.split('/').at(-1) ?? ''
    const articleId = await services.newsroom.resolvePublishedId(slug)
    assert.ok(articleId !== undefined, 'the suite story is published')
    await services.comments.post({
      articleId,
      authorName: 'Quay reader',
      body: 'Is the east berth open again?',
    })

    const found: string[] = []
    const { page, watch } = await suite.open()
    await page.goto(`${suite.site.origin}/newsroom/sign-in`)
    await page.getByLabel('E-mail', { exact: true }).fill('e2e-desk@example.org')
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForLoadState('load')
    await page.goto(`${suite.site.origin}/newsroom/stories/${articleId}/comments`)
    for (const line of await axeViolations(page)) found.push(`newsroom screen: ${line}`)

    // From the disclosure on: keys only.
    await page.locator('summary', { hasText: 'Reply to Quay reader' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Yes, since Monday morning.')
    await page.keyboard.press('Tab')
    await Promise.all([page.waitForURL(/posted=\d+$/), page.keyboard.press('Enter')])
    assert.match(
      (await page.getByRole('status').textContent()) ?? '',
      /published with the Staff badge/,
    )
    for (const line of await axeViolations(page)) found.push(`after posting: ${line}`)

    await page.getByRole('link', { name: 'See your comment on the story' }).click()
    await page.waitForLoadState('load')
    const reply = page.locator('.comment-replies .comment').filter({ hasText: 'since Monday' })
    assert.equal(await reply.locator('.comment-author').textContent(), 'Desk Editor')
    assert.equal(await reply.locator('.comment-badge').textContent(), 'Staff')
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      for (const line of await axeViolations(page)) found.push(`story, ${colorScheme}: ${line}`)
    }
    assert.deepEqual(found, [], `axe violations:\n  ${found.join('\n  ')}`)
    assert.deepEqual(watch.take(), [])
  })
})
