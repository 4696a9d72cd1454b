/**
 * The newsroom's whole path in Chromium: an author writes a story, uploads its lead photo in the
 * library and submits it, an editor schedules it, the scheduler puts it live on the story page and the front page,
 * an edit makes a revision, a slug change redirects; a contributor cannot publish; ten wrong
 * passwords lock. The app's clock stands still until the test moves it, and the publish-due job
 * runs every second, so nothing waits for wall time.
 */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import type { UserRole } from '../../src/accounts/index.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { TEST_NOW } from '../helpers/build-test-app.js'
import { testImage } from '../helpers/test-images.js'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'
const HEADLINE = 'Night ferry returns to the harbour timetable'
const PHOTO_ALT = 'A lit ferry moored at the quay at night'
/** Scheduled this long after the app's "now". */
const AHEAD_MS = 5000
/** How long the test waits, in wall time, for the scheduler once the story is due. */
const SCHEDULER_WAIT_MS = 10_000

const clock = createFixedClock(TEST_NOW)

browserSuite(
  'the newsroom path',
  (suite) => {
    const services = () => suite.site.testApp.app.services

    /** A user with `role` and, for writers, a byline of their own. */
    const addUser = async (role: UserRole, name: string) => {
      const email = `path-${role}-${Math.random().toString(36).slice(2, 8)}@example.org`
      const { user } = await services().accounts.addUser({ email, name, role, password: PASSWORD })
      if (role !== 'editor')
        await services().newsroom.createAuthor({ name: `${name} (byline)`, userId: user.id })
      return { email, name: `${name} (byline)` }
    }

    /** Signs in through the labelled form, from wherever the page is. */
    const signIn = async (page: Page, email: string, password = PASSWORD) => {
      await page.goto(`${suite.site.origin}/newsroom/sign-in`)
      await page.getByLabel('E-mail', { exact: true }).fill(email)
      await page.getByLabel('Password', { exact: true }).fill(password)
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await page.waitForLoadState('load')
    }

    const editorButtons = (page: Page) =>
      page
        .locator('form.nr-editor button')
        .evaluateAll((buttons) => buttons.map((b) => b.textContent?.trim() ?? ''))

    /** Presses one of the editor's buttons and waits for the page it leads to. */
    const press = async (page: Page, name: string) => {
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name, exact: true }).click(),
      ])
    }

    /** Polls `url` until it answers `status` or the wait runs out; returns the last status. */
    const waitForStatus = async (page: Page, url: string, status: number, waitMs: number) => {
      const until = Date.now() + waitMs
      let last = 0
      while (Date.now() < until) {
        last = (await page.request.get(url, { maxRedirects: 0 })).status()
        if (last === status) break
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      return last
    }

    test('author writes and submits, editor schedules, it goes live on time, edits make revisions, a new slug redirects', async () => {
      const author = await addUser('author', 'Rosa Quill')
      const editor = await addUser('editor', 'Desk Editor')
      const [section] = await services().newsroom.listSections()
      assert.ok(section)

      // The author writes the story.
      const { page, watch } = await suite.open()
      await signIn(page, author.email)
      await page.goto(`${suite.site.origin}/newsroom/stories/new`)
      await page.getByLabel('Headline', { exact: true }).fill(HEADLINE)
      await page.getByLabel('Dek', { exact: true }).fill('The late crossing is back from Monday.')
      await page
        .getByLabel('Body', { exact: true })
        .fill('The last ferry leaves at eleven.\n\nTickets cost the same as by day.')
      await page.getByLabel('Section', { exact: true }).selectOption({ label: section.name })
      await page.getByLabel('Tags', { exact: true }).fill('Ferries, Night life')
      await page.getByLabel('Author 1', { exact: true }).selectOption({ label: author.name })
      await press(page, 'Save draft')
      assert.match((await page.getByRole('status').first().textContent()) ?? '', /Draft created/)
      const editUrl = page.url().replace(/\?.*$/, '')

      // Its lead photo: uploaded through the library's form, then picked for the story.
      await page.getByRole('link', { name: 'Choose or upload a photo in the library' }).click()
      await page.waitForURL(/\/newsroom\/photos\?story=\d+$/)
      await page.getByLabel('Photo file', { exact: true }).setInputFiles({
        name: 'night-ferry.jpg',
        mimeType: 'image/jpeg',
        buffer: await testImage('jpeg', { width: 1200, height: 800 }),
      })
      await page.getByLabel('Alt text', { exact: true }).fill(PHOTO_ALT)
      await page.getByLabel('Caption', { exact: true }).fill('The night ferry at the quay.')
      await page.getByLabel('Credit', { exact: true }).fill('Rosa Quill')
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Upload photo', exact: true }).click(),
      ])
      const uploaded = /Photo (\d+) uploaded/.exec(
        (await page.getByRole('status').first().textContent()) ?? '',
      )
      assert.ok(uploaded, 'the library confirms the upload')
      const photoId = Number(uploaded[1])
      await page.getByRole('link', { name: `Use as lead photo (photo ${photoId})` }).click()
      await page.waitForURL(/leadPhoto=/)
      assert.equal(
        await page.getByRole('textbox', { name: 'Lead photo', exact: true }).inputValue(),
        String(photoId),
      )
      await press(page, 'Save draft')
      assert.ok(!(await editorButtons(page)).includes('Publish'), 'authors submit for review')
      await press(page, 'Submit for review')
      assert.equal(await page.locator('.nr-status').textContent(), 'In review')

      // The editor schedules it a few seconds ahead of the app's clock.
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(/sign-in/)
      await signIn(page, editor.email)
      await page.goto(editUrl)
      const due = new Date(clock.nowMs() + AHEAD_MS)
      await page.getByLabel('Publish at (UTC)').fill(due.toISOString().slice(0, 19))
      await press(page, 'Schedule')
      assert.equal(await page.locator('.nr-status').textContent(), 'Scheduled')

      const id = Number(/\/stories\/(\d+)/.exec(editUrl)?.[1])
      const story = await services().newsroom.stories.get(
        { userId: 0, role: 'editor', name: 'test' },
        id,
      )
      const storyUrl = `${suite.site.origin}/${story.section.slug}/${story.slug}`
      assert.equal((await page.request.get(storyUrl)).status(), 404, 'not live before its time')

      // Time reaches the schedule; the publish-due job (every second here) puts it live.
      clock.advance(AHEAD_MS + 1000)
      const status = await waitForStatus(page, storyUrl, 200, SCHEDULER_WAIT_MS)
      assert.equal(status, 200, `live within ${SCHEDULER_WAIT_MS} ms of falling due`)
      await page.goto(storyUrl)
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), HEADLINE)
      assert.equal(
        await page.locator('.byline time').first().getAttribute('datetime'),
        due.toISOString(),
        'published at the scheduled time, not when the job noticed',
      )
      assert.equal(await page.locator('.story img').first().getAttribute('alt'), PHOTO_ALT)
      await page.goto(suite.site.urls.front)
      const onFront = page.locator(`main a[href="/${story.section.slug}/${story.slug}"]`)
      assert.ok((await onFront.count()) > 0, 'the front page links the new story')

      // An edit is a new revision, shown with who made it.
      await page.goto(editUrl)
      const before = Number(await page.locator('[data-story-version]').textContent())
      const body = page.getByLabel('Body', { exact: true })
      await body.fill(`${await body.inputValue()}\n\nThe council pays for the fuel.`)
      await press(page, 'Save draft')
      await page.getByRole('link', { name: 'Revisions' }).click()
      await page.waitForURL(/\/revisions$/)
      const current = page.locator('tbody tr').first()
      assert.equal(await current.locator('th').textContent(), `${before + 1} (current)`)
      assert.equal(await current.locator('td').first().textContent(), 'Desk Editor')
      await page.getByLabel(`Compare from version ${before}`).check()
      await page.getByLabel(`Compare to version ${before + 1}`).check()
      await page.getByRole('button', { name: 'Compare' }).click()
      await page.waitForURL(/from=/)
      assert.match(
        (await page.locator('.nr-diff ins').allTextContents()).join(' '),
        /The council pays for the fuel\./,
      )

      // A new slug: the old address answers 301 to the new one, for good.
      await page.goto(editUrl)
      await page.getByLabel('Slug', { exact: true }).fill('night-ferry-is-back')
      await press(page, 'Save draft')
      const old = await page.request.get(storyUrl, { maxRedirects: 0 })
      assert.equal(old.status(), 301)
      assert.equal(old.headers().location, `/${story.section.slug}/night-ferry-is-back`)
      // A reader following the old link (this browser keeps its own copy for the page's max-age).
      const reader = await suite.open()
      await reader.page.goto(storyUrl)
      assert.equal(
        new URL(reader.page.url()).pathname,
        `/${story.section.slug}/night-ferry-is-back`,
      )
      assert.equal(await reader.page.getByRole('heading', { level: 1 }).textContent(), HEADLINE)
      // A click that navigates may cut short the previous page's favicon: not a fault of the page.
      const problems = watch.take().filter((line) => !line.endsWith('(net::ERR_ABORTED)'))
      assert.deepEqual(problems, [])
    })

    test('a contributor sees no Publish button, and a forged publish answers 403', async () => {
      const contributor = await addUser('contributor', 'Theo Stringer')
      const [section] = await services().newsroom.listSections()
      assert.ok(section)
      const { page } = await suite.open()
      await signIn(page, contributor.email)
      await page.goto(`${suite.site.origin}/newsroom/stories/new`)
      await page.getByLabel('Headline', { exact: true }).fill('Gulls return to the fish market')
      await page.getByLabel('Body', { exact: true }).fill('They never left.')
      await page.getByLabel('Section', { exact: true }).selectOption({ label: section.name })
      await page.getByLabel('Author 1', { exact: true }).selectOption({ label: contributor.name })
      await press(page, 'Save draft')
      const buttons = await editorButtons(page)
      assert.deepEqual(buttons, ['Save draft', 'Preview'])

      // The form as the browser would send it, with the session's CSRF token, asking to publish.
      const form = await page
        .locator('form.nr-editor')
        .evaluate((element) =>
          Object.fromEntries(
            [...new FormData(element as HTMLFormElement)].map(([k, v]) => [
              k,
              typeof v === 'string' ? v : v.name,
            ]),
          ),
        )
      const forged = await page.request.post(page.url().replace(/\?.*$/, ''), {
        form: { ...form, action: 'publish' },
        headers: { origin: suite.site.origin },
        maxRedirects: 0,
      })
      assert.equal(forged.status(), 403)
      const id = Number(/\/stories\/(\d+)/.exec(page.url())?.[1])
      const story = await services().newsroom.stories.get(
        { userId: 0, role: 'editor', name: 'test' },
        id,
      )
      assert.equal(story.status, 'draft')
    })

    test('the editor, filled in, and its revisions page are axe-clean', async () => {
      const writer = await addUser('author', 'Ines Axe')
      const [section] = await services().newsroom.listSections()
      assert.ok(section)
      const { page } = await suite.open()
      await signIn(page, writer.email)
      const found: string[] = []
      const check = async (label: string) => {
        for (const line of await axeViolations(page)) found.push(`${label}: ${line}`)
      }
      await page.goto(`${suite.site.origin}/newsroom/stories/new`)
      await check('new story')
      await page.getByLabel('Headline', { exact: true }).fill('Axe checks the editor')
      await page.getByLabel('Section', { exact: true }).selectOption({ label: section.name })
      await page.getByLabel('Author 1', { exact: true }).selectOption({ label: writer.name })
      await press(page, 'Save draft')
      await check('saved story')
      await page.getByLabel('Headline', { exact: true }).fill('')
      await press(page, 'Save draft')
      assert.equal(
        await page.getByLabel('Headline', { exact: true }).getAttribute('aria-invalid'),
        'true',
      )
      await check('story with a problem')
      await page.getByRole('link', { name: 'Revisions' }).click()
      await page.waitForURL(/\/revisions$/)
      await check('revisions')
      assert.deepEqual(found, [], `axe violations:\n  ${found.join('\n  ')}`)
    })

    test('the wrong password ten times locks sign-in with a clear message', async () => {
      const locked = await addUser('author', 'Lou Forgetful')
      const { page } = await suite.open()
      for (let i = 0; i < 10; i += 1) await signIn(page, locked.email, 'not my password')
      assert.match(
        (await page.getByRole('alert').textContent()) ?? '',
        /Too many failed sign-ins: signing in is locked for 15 minutes/,
      )
      await signIn(page, locked.email)
      assert.equal(
        new URL(page.url()).pathname,
        '/newsroom/sign-in',
        'locked even for the right one',
      )
    })
  },
  { clock, jobs: true, env: { MASTHEAD_PUBLISH_CHECK_SECONDS: '1' } },
)
