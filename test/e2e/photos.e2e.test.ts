/**
 * The photo library in Chromium: a contributor uploads through the form (a real file chooser),
 * finds the photo in the library, a wrong file is refused on the form, the pages are axe-clean,
 * and an editor puts a library photo into a story from the editor.
 */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { testImage } from '../helpers/test-images.js'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'

browserSuite('photo library', (suite) => {
  const added = new Set<string>()
  /** A user with `role` (made on first use, so each test stands alone); returns the e-mail. */
  const addUser = async (role: 'contributor' | 'editor') => {
    const email = `e2e-photos-${role}@example.org`
    if (added.has(email)) return email
    await suite.site.testApp.app.services.accounts.addUser({
      email,
      name: `Photo ${role}`,
      role,
      password: PASSWORD,
    })
    added.add(email)
    return email
  }

  const signIn = async (page: Page, email: string) => {
    await page.goto(`${suite.site.origin}/newsroom/sign-in`)
    await page.getByLabel('E-mail', { exact: true }).fill(email)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForLoadState('load')
  }

  test('a contributor uploads a photo with the form and finds it in the library', async () => {
    const email = await addUser('contributor')
    const { page, watch } = await suite.open()
    await signIn(page, email)
    await page
      .getByRole('navigation', { name: 'Newsroom' })
      .getByRole('link', { name: 'Photos' })
      .click()
    await page.waitForURL(/\/newsroom\/photos$/)
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Photos')

    await page.getByLabel('Photo file', { exact: true }).setInputFiles({
      name: 'pier-at-dawn.webp',
      mimeType: 'image/webp',
      buffer: await testImage('webp', { width: 900, height: 600 }),
    })
    await page.getByLabel('Alt text', { exact: true }).fill('Fishing boats tied up at the pier')
    await page.getByLabel('Caption', { exact: true }).fill('The fleet stays in for the storm.')
    await page.getByLabel('Credit', { exact: true }).fill('Ana Lens')
    await page.getByRole('button', { name: 'Upload photo' }).click()
    await page.waitForURL(/\/newsroom\/photos\?uploaded=\d+/)
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /Photo \d+ uploaded/)

    const first = page.locator('.nr-photo-card').first()
    assert.match((await first.textContent()) ?? '', /Fishing boats tied up at the pier/)
    assert.match((await first.textContent()) ?? '', /pier-at-dawn\.webp/)
    const loaded = await first
      .locator('img')
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
    assert.ok(loaded, 'the thumbnail is served and decodes')

    // The search finds it by a word of its caption (once the thumbnails have loaded: leaving
    // earlier aborts their requests, which the page watch would report).
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Search photos', { exact: true }).fill('storm')
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.waitForURL(/q=storm/)
    assert.equal(await page.locator('.nr-photo-card').count(), 1)
    assert.deepEqual(watch.take(), [])
  })

  test('a file whose bytes are not its type is refused on the form, with the texts kept', async () => {
    const email = await addUser('contributor')
    const { page } = await suite.open()
    await signIn(page, email)
    await page.goto(`${suite.site.origin}/newsroom/photos`)
    await page.getByLabel('Photo file', { exact: true }).setInputFiles({
      name: 'notes.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('these are not the bytes of a photo'),
    })
    await page.getByLabel('Alt text', { exact: true }).fill('Kept alt text')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Upload photo' }).click(),
    ])
    assert.equal(response.status(), 415)
    await page.waitForLoadState('load')
    assert.match((await page.getByRole('alert').textContent()) ?? '', /says it is a JPEG photo/)
    assert.equal(await page.getByLabel('Alt text', { exact: true }).inputValue(), 'Kept alt text')
  })

  test('the library and a photo page are axe-clean, light and dark, wide and narrow', async () => {
    const email = await addUser('editor')
    const found: string[] = []
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        const { page } = await suite.open({ colorScheme, viewport: { width, height: 800 } })
        await signIn(page, email)
        for (const path of ['/newsroom/photos', '/newsroom/photos?q=no-such-photo']) {
          await page.goto(`${suite.site.origin}${path}`)
          for (const line of await axeViolations(page))
            found.push(`${colorScheme} ${width} ${path}: ${line}`)
        }
        await page.goto(`${suite.site.origin}/newsroom/photos`)
        await page.locator('.nr-photo-title a').first().click()
        await page.waitForURL(/\/newsroom\/photos\/\d+$/)
        for (const line of await axeViolations(page))
          found.push(`${colorScheme} ${width} photo page: ${line}`)
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        )
        assert.ok(!wide, `the photo page scrolls sideways at ${width} px`)
      }
    }
    assert.deepEqual(found, [])
  })

  test('from the editor, a library photo becomes the lead photo and goes into the body', async () => {
    const email = await addUser('editor')
    const services = suite.site.testApp.app.services
    const { page } = await suite.open()
    await signIn(page, email)
    const { items } = await services.newsroom.listArticles({}, 1, 1)
    const slug = items[0]?.slug
    assert.ok(slug !== undefined)
    const found = await services.newsroom.findPublishedArticle(slug)
    assert.equal(found?.kind, 'found')
    const id = found.kind === 'found' ? found.article.id : 0
    await page.goto(`${suite.site.origin}/newsroom/stories/${id}`)
    await page.getByRole('link', { name: 'Choose or upload a photo in the library' }).click()
    await page.waitForURL(new RegExp(`/newsroom/photos\\?story=${id}$`))
    const card = page.locator('.nr-photo-card').first()
    const photoId = Number(
      /(\d+)/.exec((await card.locator('.nr-photo-title a').textContent()) ?? '')?.[1],
    )
    await card.getByRole('link', { name: /Use as lead photo/ }).click()
    await page.waitForURL(new RegExp(`/newsroom/stories/${id}\\?leadPhoto=${photoId}$`))
    assert.equal(
      await page.getByRole('textbox', { name: 'Lead photo', exact: true }).inputValue(),
      String(photoId),
    )
    // With the cursor at the start of the body, "Insert into body" puts the photo there.
    await page.getByLabel('Body', { exact: true }).evaluate((el: HTMLTextAreaElement) => {
      el.focus()
      el.setSelectionRange(0, 0)
    })
    await page.getByRole('link', { name: 'Choose or upload a photo in the library' }).click()
    await page.waitForURL(new RegExp(`/newsroom/photos\\?story=${id}$`))
    await page
      .locator('.nr-photo-card')
      .first()
      .getByRole('link', { name: /Insert into body/ })
      .click()
    await page.waitForURL(new RegExp(`insertPhoto=${photoId}$`))
    const body = await page.getByLabel('Body', { exact: true }).inputValue()
    assert.match(body, new RegExp(`^!\\[[^\\]]*\\]\\(photo:${photoId}\\)\\n\\n\\S`))
    const selected = await page
      .getByLabel('Body', { exact: true })
      .evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))
    assert.match(selected, new RegExp(`\\(photo:${photoId}\\)$`), 'the photo is selected')
  })
})
