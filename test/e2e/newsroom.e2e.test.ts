/** The newsroom in Chromium: sign in with the labelled fields, the lock after ten wrong passwords, an axe-clean, keyboard-usable shell. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'

browserSuite('newsroom', (suite) => {
  const addUser = async (email: string, role: 'admin' | 'author' | 'moderator') => {
    await suite.site.testApp.app.services.accounts.addUser({
      email,
      name: `E2E ${role}`,
      role,
      password: PASSWORD,
    })
  }

  /** Fills the sign-in form by its visible labels and presses "Sign in". */
  const signIn = async (page: Page, email: string, password: string) => {
    await page.getByLabel('E-mail', { exact: true }).fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForLoadState('load')
  }

  test('signing in with the labelled fields leads to the newsroom, and back out', async () => {
    await addUser('e2e-admin@example.org', 'admin')
    const { page, watch } = await suite.open()
    await page.goto(`${suite.site.origin}/newsroom/users`)
    assert.equal(new URL(page.url()).pathname, '/newsroom/sign-in')
    await signIn(page, 'e2e-admin@example.org', PASSWORD)
    assert.equal(new URL(page.url()).pathname, '/newsroom/users', 'back where you were going')
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Users')
    const cookies = await page.context().cookies()
    const session = cookies.find((c) => c.name === 'masthead_newsroom')
    assert.ok(session?.httpOnly, 'the session cookie is HttpOnly')
    assert.equal(session.sameSite, 'Lax')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/newsroom\/sign-in\?notice=signed-out$/)
    assert.match((await page.getByRole('status').textContent()) ?? '', /You are signed out/)
    assert.deepEqual(watch.take(), [])
  })

  test('the wrong password ten times locks sign-in with a clear message', async () => {
    await addUser('e2e-author@example.org', 'author')
    const { page } = await suite.open()
    await page.goto(`${suite.site.origin}/newsroom/sign-in`)
    for (let i = 0; i < 10; i += 1) await signIn(page, 'e2e-author@example.org', 'not my password')
    const alert = (await page.getByRole('alert').textContent()) ?? ''
    assert.match(alert, /Too many failed sign-ins: signing in is locked for 15 minutes/)
    await signIn(page, 'e2e-author@example.org', PASSWORD)
    assert.equal(new URL(page.url()).pathname, '/newsroom/sign-in', 'locked even for the right one')
    assert.match((await page.getByRole('alert').textContent()) ?? '', /locked/)
  })

  test('the newsroom shell is axe-clean (light, dark, narrow) on every page it has', async () => {
    await addUser('e2e-axe@example.org', 'admin')
    await addUser('e2e-mod@example.org', 'moderator')
    const found: string[] = []
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        const { page } = await suite.open({ colorScheme, viewport: { width, height: 800 } })
        const check = async (path: string) => {
          await page.goto(`${suite.site.origin}${path}`)
          for (const line of await axeViolations(page))
            found.push(`${colorScheme} ${width} ${path}: ${line}`)
        }
        await check('/newsroom/sign-in')
        await check('/newsroom/forgot-password')
        await page.goto(`${suite.site.origin}/newsroom/sign-in`)
        await signIn(page, 'e2e-mod@example.org', PASSWORD)
        await check('/newsroom')
        await check('/newsroom/users') // the 403 page
        await page.getByRole('button', { name: 'Sign out' }).click()
        await page.waitForURL(/sign-in/)
        await signIn(page, 'e2e-axe@example.org', PASSWORD)
        for (const path of [
          '/newsroom',
          '/newsroom/users',
          '/newsroom/settings',
          '/newsroom/account',
          '/newsroom/nothing',
        ])
          await check(path)
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        )
        assert.ok(!wide, `the newsroom scrolls sideways at ${width} px`)
        await page.getByRole('button', { name: 'Sign out' }).click()
        await page.waitForURL(/sign-in/)
      }
    }
    assert.deepEqual(found, [], `axe violations:\n  ${found.join('\n  ')}`)
  })

  test('with the keyboard alone: sign in, reach every navigation link and the account, sign out', async () => {
    await addUser('e2e-keys@example.org', 'admin')
    const { page } = await suite.open()
    await page.goto(`${suite.site.origin}/newsroom/sign-in`)
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement
        return [element?.tagName, element?.getAttribute('name'), element?.textContent?.trim()]
          .filter((part) => part !== undefined && part !== null && part !== '')
          .join(' ')
      })
    await page.keyboard.press('Tab')
    assert.equal(await focused(), 'A Skip to main content')
    const seen: string[] = []
    for (let i = 0; i < 8 && !(await focused()).startsWith('INPUT email'); i += 1) {
      await page.keyboard.press('Tab')
      seen.push(await focused())
    }
    assert.ok(
      (await focused()).startsWith('INPUT email'),
      `Tab never reached the e-mail field: ${seen.join(' | ')}`,
    )
    await page.keyboard.type('e2e-keys@example.org')
    await page.keyboard.press('Tab')
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${suite.site.origin}/newsroom`)

    const reached = new Set<string>()
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab')
      reached.add(await focused())
    }
    for (const expected of ['A Users', 'A E2E admin', 'BUTTON Sign out', 'A Skip to main content'])
      assert.ok(
        reached.has(expected),
        `Tab never reached "${expected}": ${[...reached].join(' | ')}`,
      )

    await page.goto(`${suite.site.origin}/newsroom`)
    for (let i = 0; i < 30 && (await focused()) !== 'BUTTON Sign out'; i += 1)
      await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/newsroom\/sign-in\?notice=signed-out$/)
  })
})
