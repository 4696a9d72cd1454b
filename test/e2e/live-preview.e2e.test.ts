/**
 * The story editor's live preview in Chromium: the toggle opens a pane beside the form, typing in
 * Body shows up there a moment later (drawn by the server with the site's code, in a sandboxed
 * frame), the choice is remembered, and the editor stays axe-clean (that previewing saves nothing
 * is the route test's to show: autosave would blur it here).
 */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'

browserSuite('live preview', (suite) => {
  const services = () => suite.site.testApp.app.services

  /** An author with a byline, signed in on `page`, with a saved draft open in the editor. */
  const openDraft = async (page: Page) => {
    const email = `preview-${Math.random().toString(36).slice(2, 8)}@example.org`
    const { user } = await services().accounts.addUser({
      email,
      name: 'Pia Preview',
      role: 'author',
      password: PASSWORD,
    })
    const byline = await services().newsroom.createAuthor({ name: 'Pia Preview', userId: user.id })
    const [section] = await services().newsroom.listSections()
    assert.ok(section)
    await page.goto(`${suite.site.origin}/newsroom/sign-in`)
    await page.getByLabel('E-mail', { exact: true }).fill(email)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForLoadState('load')
    await page.goto(`${suite.site.origin}/newsroom/stories/new`)
    await page.getByLabel('Headline', { exact: true }).fill('Tram line extended to the harbour')
    await page.getByLabel('Body', { exact: true }).fill('The first tram runs on Monday.')
    await page.getByLabel('Section', { exact: true }).selectOption({ label: section.name })
    await page.getByLabel('Author 1', { exact: true }).selectOption({ label: byline.name })
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Save draft', exact: true }).click(),
    ])
    return page.url().replace(/\?.*$/, '')
  }

  test('typing in Body shows in the pane beside the form; the choice is remembered', async () => {
    const { page, watch } = await suite.open({ viewport: { width: 1440, height: 900 } })
    const editUrl = await openDraft(page)
    // Only what happens from here on is this test's (a favicon load cut by the save's navigation is not).
    watch.take()
    const toggle = page.getByRole('button', { name: 'Live preview', exact: true })
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'closed by default')
    assert.equal(await page.locator('#live-preview').isVisible(), false)
    await toggle.click()
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
    const pane = page.getByRole('region', { name: 'Live preview' })
    await pane.waitFor()
    const frame = page.frameLocator('iframe[title="Live preview of the story"]')
    await frame.getByText('The first tram runs on Monday.').waitFor({ timeout: 5000 })
    assert.equal(
      await frame.locator('article.story h1').textContent(),
      'Tram line extended to the harbour',
    )

    // Beside the form on a wide screen.
    const formBox = await page.locator('form.nr-editor').boundingBox()
    const paneBox = await pane.boundingBox()
    assert.ok(formBox !== null && paneBox !== null)
    assert.ok(paneBox.x >= formBox.x + formBox.width - 1, 'the pane is to the right of the form')

    const body = page.getByLabel('Body', { exact: true })
    await body.click()
    await body.press('End')
    const started = Date.now()
    await body.pressSequentially('\n\nTickets are **half price** in the first week.', { delay: 15 })
    await frame.locator('strong', { hasText: 'half price' }).waitFor({ timeout: 5000 })
    const waited = Date.now() - started
    assert.ok(waited < 5000, `shown ${waited} ms after typing started`)

    // A <script> typed in the Markdown comes out as text, never as a script.
    await body.pressSequentially('\n\n<script>alert(1)</script>', { delay: 5 })
    await frame.getByText('<script>alert(1)</script>').waitFor({ timeout: 5000 })
    assert.equal(await frame.locator('script').count(), 0)

    // A long text scrolled down stays scrolled down when the preview is redrawn.
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of the tram story.`)
    await body.fill(long.join('\n\n'))
    await frame.getByText('Paragraph 60 of the tram story.').waitFor({ timeout: 5000 })
    const frameElement = page.locator('iframe.nr-live-frame')
    const scrollOf = () =>
      frameElement.evaluate((f) => (f as HTMLIFrameElement).contentWindow?.scrollY ?? -1)
    await frameElement.evaluate((f) => (f as HTMLIFrameElement).contentWindow?.scrollTo(0, 600))
    assert.equal(await scrollOf(), 600)
    await body.press('End')
    await body.pressSequentially('\n\nThe last word.', { delay: 15 })
    await frame.getByText('The last word.').waitFor({ timeout: 5000 })
    assert.equal(await scrollOf(), 600, 'the frame keeps its scroll position')

    // The preview document itself, with the site's stylesheet, is axe-clean too (axe cannot run
    // inside the script-less sandbox, so the same document is served to a page of its own).
    const previewHtml = await frameElement.evaluate(
      (f) => (f as HTMLIFrameElement).contentDocument?.documentElement.outerHTML ?? '',
    )
    const { page: alone } = await suite.open()
    await alone.route(`${suite.site.origin}/live-preview-copy`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html>${previewHtml}` }),
    )
    await alone.goto(`${suite.site.origin}/live-preview-copy`)
    assert.equal(await alone.locator('link[rel="stylesheet"]').count(), 1)
    assert.deepEqual(await axeViolations(alone), [], 'the preview document is axe-clean')

    const violations = await axeViolations(page)
    assert.deepEqual(violations, [], 'the editor with the pane open is axe-clean')
    assert.deepEqual(watch.take(), [], 'no console errors, CSP violations or failed requests')

    // The choice is remembered: the next editor opens with the pane open.
    await page.goto(editUrl)
    assert.equal(
      await page
        .getByRole('button', { name: 'Live preview', exact: true })
        .getAttribute('aria-expanded'),
      'true',
    )
    // (The body may have been autosaved meanwhile, so the headline is what is looked for.)
    await page
      .frameLocator('iframe[title="Live preview of the story"]')
      .getByRole('heading', { level: 1, name: 'Tram line extended to the harbour' })
      .waitFor({ timeout: 5000 })
  })

  test('on a narrow screen the pane sits below the form and is axe-clean', async () => {
    const { page, watch } = await suite.open({ viewport: { width: 400, height: 800 } })
    await openDraft(page)
    watch.take()
    await page.getByRole('button', { name: 'Live preview', exact: true }).click()
    const frame = page.frameLocator('iframe[title="Live preview of the story"]')
    await frame.getByText('The first tram runs on Monday.').waitFor({ timeout: 5000 })
    const formBox = await page.locator('form.nr-editor').boundingBox()
    const paneBox = await page.locator('#live-preview').boundingBox()
    assert.ok(formBox !== null && paneBox !== null)
    assert.ok(paneBox.y >= formBox.y + formBox.height - 1, 'the pane is below the form')
    assert.deepEqual(await axeViolations(page), [])
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    )
    assert.ok(!wide, 'no sideways scrolling')
    // Keyboard: the frame is the next stop after the form's last button (arrow keys then scroll
    // it), and the toggle closes the pane for whoever wants it out of the way.
    await page.locator('form.nr-editor button').last().focus()
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'nr-live-frame')
    await page.getByRole('button', { name: 'Live preview', exact: true }).focus()
    await page.keyboard.press('Enter')
    assert.equal(await page.locator('#live-preview').isVisible(), false)
    assert.deepEqual(watch.take(), [])
  })
})
