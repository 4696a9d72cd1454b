/** The site logo in Chromium: an admin uploads it from the settings screen; readers see it, axe-clean in light and dark. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'

/** Writes a width×height PNG logo (a dark bar on transparency) to a temp file. */
async function logoFile(dir: string, name: string, width: number, height: number) {
  const bar = await sharp({
    create: { width: width / 2, height: height / 2, channels: 4, background: '#1d3557' },
  })
    .png()
    .toBuffer()
  const file = path.join(dir, name)
  await sharp({
    create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([{ input: bar, left: width / 4, top: height / 4 }])
    .png()
    .toFile(file)
  return file
}

browserSuite('site logo', (suite) => {
  const signIn = async (page: Page, email: string) => {
    await page.goto(`${suite.site.origin}/newsroom/sign-in`)
    await page.getByLabel('E-mail', { exact: true }).fill(email)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForLoadState('load')
  }

  test('an admin uploads a logo; the masthead shows it named by the site; all axe-clean', async () => {
    const { services } = suite.site.testApp.app
    await services.accounts.addUser({
      email: 'e2e-logo-admin@example.org',
      name: 'Logo Admin',
      role: 'admin',
      password: PASSWORD,
    })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-e2e-logo-'))
    const found: string[] = []
    try {
      const { page, watch } = await suite.open()
      await signIn(page, 'e2e-logo-admin@example.org')
      await page.goto(`${suite.site.origin}/newsroom/settings`)

      // A refusal first: too small, shown on the screen as an alert.
      await page.getByLabel('Logo image').setInputFiles(await logoFile(dir, 'tiny.png', 40, 20))
      await page.getByRole('button', { name: 'Upload the logo' }).click()
      await page.waitForLoadState('load')
      assert.match((await page.getByRole('alert').textContent()) ?? '', /at least 32 pixels/)
      for (const line of await axeViolations(page)) found.push(`refused upload: ${line}`)

      await page.getByLabel('Logo image').setInputFiles(await logoFile(dir, 'logo.png', 800, 200))
      await page.getByRole('button', { name: 'Upload the logo' }).click()
      await page.waitForURL(/notice=logo-saved$/)
      assert.equal(await page.getByRole('img', { name: 'The current logo' }).count(), 1)
      assert.equal(await page.getByRole('button', { name: 'Remove the logo' }).count(), 1)
      watch.take()

      const siteName = services.settings.current().siteName
      for (const colorScheme of ['light', 'dark'] as const) {
        const reader = await suite.open({ colorScheme })
        for (const pagePath of ['/', '/newsroom/settings']) {
          if (pagePath.startsWith('/newsroom'))
            await signIn(reader.page, 'e2e-logo-admin@example.org')
          await reader.page.goto(`${suite.site.origin}${pagePath}`)
          for (const line of await axeViolations(reader.page))
            found.push(`${colorScheme} ${pagePath}: ${line}`)
        }
        await reader.page.goto(`${suite.site.origin}/`)
        // The home link is named by the site through the logo's text alternative.
        const home = reader.page.getByRole('heading', { level: 1 }).getByRole('link')
        assert.equal(await home.getAttribute('href'), '/')
        assert.equal(await home.getByRole('img', { name: siteName }).count(), 1)
        const size = await reader.page
          .locator('img.masthead-logo')
          .evaluate((img: HTMLImageElement) => [
            img.naturalWidth,
            img.clientWidth,
            img.clientHeight,
          ])
        assert.deepEqual(
          size,
          [384, 192, 48],
          `${colorScheme}: the 2× file is loaded and shown 48 px high`,
        )
        assert.deepEqual(reader.watch.take(), [], `${colorScheme}: no console error or CSP report`)
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    assert.deepEqual(found, [], `axe violations:\n  ${found.join('\n  ')}`)
  })
})
