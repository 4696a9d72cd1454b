/** The newsroom dashboard in Chromium: axe-clean in light and dark, narrow and wide; charts open as tables; no other origin, no new cookie. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'

browserSuite('dashboard', (suite) => {
  const signIn = async (page: Page, email: string) => {
    await page.goto(`${suite.site.origin}/newsroom/sign-in`)
    await page.getByLabel('E-mail', { exact: true }).fill(email)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForLoadState('load')
  }

  test('the dashboard and a story’s figures are axe-clean (light, dark, narrow), first-party only', async () => {
    await suite.site.testApp.app.services.accounts.addUser({
      email: 'e2e-dash@example.org',
      name: 'E2E editor',
      role: 'editor',
      password: PASSWORD,
    })
    const found: string[] = []
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        const { page, watch, context } = await suite.open({
          colorScheme,
          viewport: { width, height: 800 },
        })
        const origins = new Set<string>()
        page.on('request', (request) => origins.add(new URL(request.url()).origin))
        await signIn(page, 'e2e-dash@example.org')
        assert.equal(new URL(page.url()).pathname, '/newsroom')
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Dashboard')
        const check = async (where: string) => {
          for (const line of await axeViolations(page))
            found.push(`${colorScheme} ${width} ${where}: ${line}`)
          const wide = await page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
          )
          assert.ok(!wide, `${where} scrolls sideways at ${width} px`)
        }
        await check('/newsroom')
        // The 30-day chart is an image with a name, and its table opens from the keyboard.
        const chart = page.getByRole('img', { name: 'Views per day, last 30 days' })
        assert.equal(await chart.count(), 1)
        const summary = page.locator('summary', { hasText: 'Views per day, last 30 days' })
        await summary.focus()
        await page.keyboard.press('Enter')
        const table = page.getByRole('table', { name: 'Views per day, last 30 days' })
        assert.ok(await table.isVisible(), 'the table shows once the disclosure is open')
        assert.equal(await table.locator('tbody tr').count(), 30)
        await check('/newsroom with a table open')

        // A story's figures, from Popular Now.
        const first = page.locator('.nr-popular a').first()
        assert.equal(await first.count(), 1, 'the demo has a popular story')
        await first.click()
        await page.waitForLoadState('load')
        assert.match(new URL(page.url()).pathname, /^\/newsroom\/stories\/\d+\/figures$/)
        assert.match(
          (await page.getByRole('heading', { level: 1 }).textContent()) ?? '',
          /^Figures: /,
        )
        await check('figures')

        assert.deepEqual([...origins], [suite.site.origin], 'nothing loads from another origin')
        const cookies = (await context.cookies()).map((c) => c.name)
        assert.deepEqual(cookies, ['masthead_newsroom'], 'the session cookie only')
        assert.deepEqual(watch.take(), [])
      }
    }
    assert.deepEqual(found, [], `axe violations:\n  ${found.join('\n  ')}`)
  })
})
