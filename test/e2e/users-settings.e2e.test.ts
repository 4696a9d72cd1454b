/** Users and settings in Chromium: an admin adds a user from the keyboard, the invitation works, and both screens are axe-clean. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'
const NEW_PASSWORD = 'a brand new invited password'

browserSuite('users and settings', (suite) => {
  const signIn = async (page: Page, email: string, password: string) => {
    await page.goto(`${suite.site.origin}/newsroom/sign-in`)
    await page.getByLabel('E-mail', { exact: true }).fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForLoadState('load')
  }
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement
      return `${element?.tagName ?? ''} ${element?.getAttribute('name') ?? ''}`.trim()
    })
  /** Presses Tab until `target` ("TAG name") has focus; fails after `max` presses. */
  const tabTo = async (page: Page, target: string, max = 60) => {
    for (let i = 0; i < max && (await focused(page)) !== target; i += 1)
      await page.keyboard.press('Tab')
    assert.equal(await focused(page), target, `Tab never reached ${target}`)
  }

  test('an admin adds a user with the keyboard alone; the invitation link sets a password', async () => {
    const { services } = suite.site.testApp.app
    await services.accounts.addUser({
      email: 'e2e-users-admin@example.org',
      name: 'Users Admin',
      role: 'admin',
      password: PASSWORD,
    })
    const { page, watch } = await suite.open()
    await signIn(page, 'e2e-users-admin@example.org', PASSWORD)
    await page.goto(`${suite.site.origin}/newsroom/users`)

    await tabTo(page, 'INPUT name')
    await page.keyboard.type('Kit Keyboard')
    await page.keyboard.press('Tab')
    await page.keyboard.type('kit@example.org')
    await page.keyboard.press('Tab')
    assert.equal(await focused(page), 'SELECT role')
    // On a closed select, a letter picks the first option starting with it.
    await page.keyboard.press('e')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Add user')
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')])
    await page.waitForSelector('#invite-url')

    const status = (await page.locator('.nr-notice').textContent()) ?? ''
    assert.match(status, /Invitation for Kit Keyboard/)
    const link = await page.locator('#invite-url').inputValue()
    assert.match(link, /\/newsroom\/reset-password\/[A-Za-z0-9_-]{20,}$/)
    assert.equal((await services.accounts.findByEmail('kit@example.org'))?.role, 'editor')
    for (const line of await axeViolations(page)) assert.fail(`users after an invite: ${line}`)

    // The invited user opens the link in their own browser and chooses a password.
    const invited = await suite.open()
    // The link carries the configured site URL; the test server listens on its own port.
    await invited.page.goto(`${suite.site.origin}${new URL(link).pathname}`)
    await invited.page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await invited.page.getByLabel(/Repeat/).fill(NEW_PASSWORD)
    await invited.page.getByRole('button', { name: /password/i }).click()
    await invited.page.waitForURL(/notice=password-reset$/)
    await signIn(invited.page, 'kit@example.org', NEW_PASSWORD)
    assert.equal(new URL(invited.page.url()).pathname, '/newsroom')
    assert.deepEqual(watch.take(), [])
  })

  test('users, deactivation and settings screens are axe-clean in light and dark', async () => {
    const { services } = suite.site.testApp.app
    await services.accounts.addUser({
      email: 'e2e-settings-admin@example.org',
      name: 'Settings Admin',
      role: 'admin',
      password: PASSWORD,
    })
    const { user } = await services.accounts.addUser({
      email: 'e2e-leaving@example.org',
      name: 'Lee Leaving',
      role: 'author',
      password: PASSWORD,
    })
    const found: string[] = []
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await suite.open({ colorScheme })
      await signIn(page, 'e2e-settings-admin@example.org', PASSWORD)
      const check = async (label: string) => {
        for (const line of await axeViolations(page)) found.push(`${colorScheme} ${label}: ${line}`)
      }
      for (const path of ['/newsroom/users', `/newsroom/users/${user.id}/deactivate`]) {
        await page.goto(`${suite.site.origin}${path}`)
        await check(path)
      }
      await page.goto(`${suite.site.origin}/newsroom/settings/sections`)
      await check('/newsroom/settings/sections')
      await page.goto(`${suite.site.origin}/newsroom/settings`)
      await check('/newsroom/settings')
      // A refused save shows its error on the page.
      await page.getByLabel('Language', { exact: true }).fill('not a language')
      await page.getByRole('button', { name: 'Save settings' }).click()
      await page.waitForLoadState('load')
      assert.match((await page.getByRole('alert').textContent()) ?? '', /language/)
      await check('/newsroom/settings (refused)')
    }
    assert.deepEqual(found, [], `axe violations:\n  ${found.join('\n  ')}`)
  })
})
