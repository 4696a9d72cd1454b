/**
 * The front page screen in Chromium: an editor reorders the top stories from the keyboard (and
 * with the mouse), fills a Must-Read slot, and puts up a banner that readers see on every page
 * until the app's clock passes its expiry and the expiry job (every 5 s here) takes it off the
 * cached pages. The screen and a reader page with the banner are axe-clean, light and dark.
 */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { createFixedClock } from '../../src/lib/clock.js'
import { TEST_NOW } from '../helpers/build-test-app.js'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'
/** How long the test waits, in wall time, for the expiry job once the banner is due. */
const JOB_WAIT_MS = 12_000

const clock = createFixedClock(TEST_NOW)

browserSuite(
  'the front page screen',
  (suite) => {
    const services = () => suite.site.testApp.app.services
    let editorEmail: string | undefined

    /** Signs an editor in (created once) in `page`. */
    const signIn = async (page: Page) => {
      if (editorEmail === undefined) {
        editorEmail = `front-editor-${Math.random().toString(36).slice(2, 8)}@example.org`
        await services().accounts.addUser({
          email: editorEmail,
          name: 'Front Editor',
          role: 'editor',
          password: PASSWORD,
        })
      }
      await page.goto(`${suite.site.origin}/newsroom/sign-in`)
      await page.getByLabel('E-mail', { exact: true }).fill(editorEmail)
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await page.waitForLoadState('load')
    }

    /** The screen's top stories, as their ids in order. */
    const screenOrder = (page: Page) =>
      page
        .locator('ol.nr-front-order > li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-story-id') ?? ''))

    /** The reader front page's top story links, in order (a fresh browser: no copy of its own). */
    const readerOrder = async () => {
      const { page } = await suite.open()
      await page.goto(suite.site.urls.front)
      return page
        .locator('.top-stories h3 a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    }

    const storyPath = async (id: string) => {
      const [story] = await services().newsroom.summariesByIds([Number(id)])
      assert.ok(story, `story ${id} is published`)
      return `/${story.section.slug}/${story.slug}`
    }

    test('top stories reorder from the keyboard and with the mouse, and the front follows at once', async () => {
      const { page, watch } = await suite.open()
      await signIn(page)
      await page.goto(`${suite.site.origin}/newsroom/front`)
      const before = await screenOrder(page)
      assert.ok(before.length >= 3, 'the demo picked top stories')
      const [first, second] = before
      assert.ok(first !== undefined && second !== undefined)
      const firstHeadline = (
        (await page.locator(`#top-${first} .nr-front-headline`).textContent()) ?? ''
      ).trim()

      // Keyboard only: Tab to the first story's "Move down" button and press Enter.
      const moveDown = page.locator(`#top-${first}`).getByRole('button', { name: /^Move down/ })
      // Its name says which story it moves (several "Move down" buttons share the page).
      assert.ok(
        ((await moveDown.getAttribute('aria-label')) ?? (await moveDown.textContent()) ?? '')
          .replace(/\s+/g, ' ')
          .includes(firstHeadline),
      )
      await page.getByRole('heading', { name: 'Top stories' }).click()
      let reached = false
      for (let i = 0; i < 20 && !reached; i++) {
        await page.keyboard.press('Tab')
        reached = await moveDown.evaluate((button) => button === document.activeElement)
      }
      assert.ok(reached, 'the Move down button is reachable with Tab')
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])
      assert.match((await page.getByRole('status').textContent()) ?? '', /Top stories reordered/)
      assert.equal(new URL(page.url()).hash, `#top-${first}`, 'back at the story that moved')
      const afterKeys = await screenOrder(page)
      assert.deepEqual(afterKeys.slice(0, 2), [second, first])

      assert.deepEqual(
        (await readerOrder()).slice(0, 2),
        [await storyPath(second), await storyPath(first)],
        'the cached front page changed at once',
      )

      // The mouse: drag the third story above the first.
      const third = afterKeys[2]
      assert.ok(third !== undefined)
      await page.goto(`${suite.site.origin}/newsroom/front`)
      await Promise.all([
        page.waitForURL(/done=moved/),
        page.locator(`#top-${third}`).dragTo(page.locator(`#top-${second}`), {
          targetPosition: { x: 20, y: 2 },
        }),
      ])
      await page.waitForLoadState('load')
      assert.deepEqual((await screenOrder(page)).slice(0, 3), [third, second, first])
      assert.deepEqual(
        (await readerOrder()).slice(0, 1),
        [await storyPath(third)],
        'the drag reached the front page',
      )
      const change = page.locator('#changes tbody tr').first()
      assert.equal((await change.locator('td').nth(1).textContent())?.trim(), 'Front Editor')
      assert.deepEqual(watch.take(), [])
    })

    test('without JavaScript, Move up and Remove work as plain forms', async () => {
      const { page } = await suite.open({ javaScriptEnabled: false })
      await signIn(page)
      await page.goto(`${suite.site.origin}/newsroom/front`)
      const before = await screenOrder(page)
      const [first, second] = before
      assert.ok(first !== undefined && second !== undefined)
      await Promise.all([
        page.waitForEvent('load'),
        page
          .locator(`#top-${second}`)
          .getByRole('button', { name: /^Move up/ })
          .click(),
      ])
      assert.deepEqual((await screenOrder(page)).slice(0, 2), [second, first])
      await Promise.all([
        page.waitForEvent('load'),
        page
          .locator(`#top-${second}`)
          .getByRole('button', { name: /^Remove/ })
          .click(),
      ])
      assert.deepEqual(
        await screenOrder(page),
        before.filter((id) => id !== second),
      )
      assert.match((await page.getByRole('status').textContent()) ?? '', /Removed/)
    })

    test('a Must-Read set in slot 1 leads the rail on story pages', async () => {
      const { page } = await suite.open()
      await signIn(page)
      await page.goto(`${suite.site.origin}/newsroom/front`)
      const select = page.getByLabel('Story for slot 1', { exact: true })
      const options = await select
        .locator('option')
        .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value))
      const pick = options.filter((v) => v !== '').at(-1)
      assert.ok(pick !== undefined)
      await select.selectOption(pick)
      await page.getByLabel('Slot 1 expires at (UTC, optional)').fill('2026-11-21T12:00')
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Save slot 1', exact: true }).click(),
      ])
      assert.match((await page.getByRole('status').textContent()) ?? '', /Must-Read saved/)

      const path = await storyPath(pick)
      const reader = await suite.open()
      await reader.page.goto(suite.site.urls.article)
      const rail = reader.page.locator('section:has(#rail-must-reads)')
      const first = rail.locator('a').first()
      if (suite.site.urls.article.endsWith(path)) {
        // A story never lists itself: its page shows the next pick first.
        assert.notEqual(await first.getAttribute('href'), path)
      } else {
        assert.equal(await first.getAttribute('href'), path)
      }
    })

    test('a banner shows on every page, is axe-clean light and dark, and disappears at its expiry', async () => {
      const { page } = await suite.open()
      await signIn(page)
      await page.goto(`${suite.site.origin}/newsroom/front`)
      const due = new Date(clock.nowMs() + 2 * 60_000)
      await page.getByLabel('Banner text', { exact: true }).fill('Storm closes the coast road')
      await page.getByLabel('Banner link (optional)').fill('/corrections')
      await page.getByLabel('Banner expires at (UTC)').fill(due.toISOString().slice(0, 16))
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Put up banner', exact: true }).click(),
      ])
      assert.match((await page.getByRole('status').textContent()) ?? '', /Banner is up/)

      const found: string[] = []
      // Light at desktop width, dark on a narrow phone.
      for (const [colorScheme, width] of [
        ['light', 1280],
        ['dark', 360],
      ] as const) {
        const reader = await suite.open({ colorScheme, viewport: { width, height: 800 } })
        const sideways = () =>
          reader.page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
          )
        for (const url of [suite.site.urls.front, suite.site.urls.article]) {
          await reader.page.goto(url)
          const region = reader.page.getByRole('region', { name: 'Breaking news' })
          assert.equal(await region.count(), 1, `the banner on ${url}`)
          assert.equal(await region.getAttribute('aria-live'), null)
          assert.equal(await region.getByRole('link').textContent(), 'Storm closes the coast road')
          for (const line of await axeViolations(reader.page))
            found.push(`${colorScheme} ${url}: ${line}`)
          if (await sideways()) found.push(`${url} scrolls sideways at ${width} px`)
        }
        await signIn(reader.page)
        await reader.page.goto(`${suite.site.origin}/newsroom/front`)
        for (const line of await axeViolations(reader.page))
          found.push(`${colorScheme} /newsroom/front: ${line}`)
        if (await sideways()) found.push(`/newsroom/front scrolls sideways at ${width} px`)
      }
      assert.deepEqual(found, [])

      // The app's clock passes the expiry; the job purges the cached pages within seconds.
      // (Requests, not navigations: a browser may keep its own copy for the page's max-age.)
      const reader = await suite.open()
      const hasBanner = async (url: string) =>
        (await (await reader.page.request.get(url)).text()).includes('aria-label="Breaking news"')
      assert.ok(await hasBanner(suite.site.urls.front), 'cached with the banner')
      clock.advance(2 * 60_000)
      const until = Date.now() + JOB_WAIT_MS
      let shown = true
      while (Date.now() < until) {
        shown = await hasBanner(suite.site.urls.front)
        if (!shown) break
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      assert.equal(shown, false, `gone within ${JOB_WAIT_MS} ms of its expiry`)
      assert.equal(await hasBanner(suite.site.urls.article), false)
    })
  },
  { clock, jobs: true },
)
