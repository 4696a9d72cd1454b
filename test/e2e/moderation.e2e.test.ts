/**
 * The moderation desk in Chromium: a moderator signs in, lands on the queue, approves a held
 * comment with the keyboard alone (shortcuts, then Tab and Enter), every desk screen is
 * axe-clean in light and dark, and the story editor answers 403.
 */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe.js'
import { browserSuite } from './support/suite.js'

const PASSWORD = 'correct horse battery staple'

browserSuite(
  'the moderation desk',
  (suite) => {
    const services = () => suite.site.testApp.app.services
    let readers = 0

    /** A moderator account of its own. */
    const addModerator = async () => {
      const email = `mod-${Math.random().toString(36).slice(2, 8)}@example.org`
      await services().accounts.addUser({
        email,
        name: 'Mo Derator',
        role: 'moderator',
        password: PASSWORD,
      })
      return email
    }

    /** A comment held for its link, on the suite's story; returns its id. */
    const holdComment = async (body: string) => {
      const found = await services().newsroom.findPublishedArticle(
        new URL(suite.site.urls.article).pathname.split('/').at(-1) ?? '',
      )
      assert.equal(found?.kind, 'found')
      if (found?.kind !== 'found') throw new Error('no story')
      readers += 1
      const posted = await services().comments.post({
        articleId: found.article.id,
        authorName: `Reader ${readers}`,
        body,
        reader: { address: `198.51.100.${readers}`, userAgent: `e2e-mod-${readers}` },
      })
      assert.equal(posted.status, 'held')
      return posted.id
    }

    /** Signs in by typing into the labelled fields and pressing Enter. */
    const signIn = async (page: Page, email: string) => {
      await page.goto(`${suite.site.origin}/newsroom/sign-in`)
      await page.getByLabel('E-mail', { exact: true }).focus()
      await page.keyboard.type(email)
      await page.keyboard.press('Tab')
      await page.keyboard.type(PASSWORD)
      await Promise.all([page.waitForURL(/\/newsroom\/comments/), page.keyboard.press('Enter')])
    }

    /** The data-comment-id of the element that has the focus (or of its queue item). */
    const focusedComment = (page: Page) =>
      page.evaluate(
        () =>
          document.activeElement?.closest('li[data-comment-id]')?.getAttribute('data-comment-id') ??
          null,
      )

    const statusOf = async (id: number) =>
      (
        await services()
          .database.db.selectFrom('comments')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status

    test('a moderator approves held comments with the keyboard alone', async () => {
      const email = await addModerator()
      const first = await holdComment('First held: see www.example.org for the tide tables')
      const second = await holdComment('Second held: harbour.example has the map')
      const { page, watch } = await suite.open()

      await signIn(page, email)
      // The home sends a moderator to their one screen.
      await page.goto(`${suite.site.origin}/newsroom`)
      assert.equal(new URL(page.url()).pathname, '/newsroom/comments')
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Comments: Held')

      // j selects (and focuses) the first comment, j the next, k goes back.
      await page.keyboard.press('j')
      assert.equal(await focusedComment(page), String(first))
      await page.keyboard.press('j')
      assert.equal(await focusedComment(page), String(second))
      await page.keyboard.press('k')
      assert.equal(await focusedComment(page), String(first))

      // "?" opens the shortcut list, and again closes it.
      const help = page.locator('details#shortcuts')
      await page.keyboard.press('?')
      assert.equal(await help.evaluate((d) => (d as HTMLDetailsElement).open), true)
      await page.keyboard.press('?')
      assert.equal(await help.evaluate((d) => (d as HTMLDetailsElement).open), false)

      // The shortcuts can be turned off (WCAG 2.1.4), and the choice outlives a reload.
      await page.keyboard.press('?')
      const on = page.getByRole('checkbox', { name: 'Use these single-key shortcuts' })
      await on.focus()
      await page.keyboard.press('Space')
      assert.equal(await on.isChecked(), false)
      await page.reload()
      await page.keyboard.press('j')
      assert.equal(await focusedComment(page), null, 'j does nothing while shortcuts are off')
      await page.keyboard.press('?')
      assert.equal(await help.evaluate((d) => (d as HTMLDetailsElement).open), false)
      await help.locator('summary').focus()
      await page.keyboard.press('Enter')
      await on.focus()
      await page.keyboard.press('Space')
      assert.equal(await on.isChecked(), true)
      await page.keyboard.press('j')
      assert.equal(await focusedComment(page), String(first))

      // Typing in a text field never fires a shortcut.
      await page.evaluate(() => {
        const input = document.createElement('input')
        input.id = 'typing-probe'
        input.setAttribute('aria-label', 'Probe')
        document.querySelector('main')?.append(input)
      })
      await page.locator('#typing-probe').focus()
      await page.keyboard.type('a')
      assert.equal(await page.locator('#typing-probe').inputValue(), 'a')
      assert.equal(await statusOf(first), 'held', 'typing "a" in a field approved nothing')
      await page.evaluate(() => document.getElementById('typing-probe')?.remove())

      // a approves the selected comment; back on the queue, the next one has the focus.
      await page.keyboard.press('k')
      assert.equal(await focusedComment(page), String(first))
      await Promise.all([page.waitForURL(new RegExp(`comment=${first}`)), page.keyboard.press('a')])
      assert.equal(await statusOf(first), 'published')
      assert.match(
        (await page.locator('.nr-notice[role="status"]').textContent()) ?? '',
        new RegExp(`Comment ${first} approved`),
      )
      assert.equal(await focusedComment(page), String(second), 'the next comment is selected')

      // Without shortcuts: Tab reaches the next comment's Approve button, Enter presses it.
      let reached = false
      for (let i = 0; i < 60 && !reached; i += 1) {
        await page.keyboard.press('Tab')
        reached = await page.evaluate(
          (name) => document.activeElement?.textContent?.trim() === name,
          `Approve comment ${second}`,
        )
      }
      assert.ok(reached, 'Tab reaches the Approve button')
      await Promise.all([
        page.waitForURL(new RegExp(`comment=${second}`)),
        page.keyboard.press('Enter'),
      ])
      assert.equal(await statusOf(second), 'published')

      // Readers see both on the story page.
      const story = await page.request.get(suite.site.urls.article)
      const html = await story.text()
      assert.ok(html.includes('First held'), 'the approved comment is on the story page')
      assert.ok(html.includes('Second held'))
      assert.deepEqual(watch.take(), [])
    })

    test('every desk screen is axe-clean in light and dark, and the story editor answers 403', async () => {
      const email = await addModerator()
      await holdComment('Held for axe: www.example.net')
      await services().comments.moderation.addBannedWord('scallywag', 'cli')
      const banned = await holdComment('To be banned: www.example.com')
      await services().comments.moderation.banReader({ commentId: banned }, 'cli', 'test')
      const found: string[] = []
      const wide: string[] = []
      for (const [colorScheme, width] of [
        ['light', 1280],
        ['dark', 1280],
        ['light', 360],
      ] as const) {
        const { page, watch } = await suite.open({ colorScheme, viewport: { width, height: 800 } })
        await signIn(page, email)
        for (const path of [
          '/newsroom/comments',
          '/newsroom/comments?filter=reported',
          '/newsroom/comments?filter=spam',
          '/newsroom/comments/words',
          '/newsroom/comments/banned',
          '/newsroom/comments/log',
        ]) {
          const response = await page.goto(`${suite.site.origin}${path}`)
          assert.equal(response?.status(), 200, path)
          if (path === '/newsroom/comments') {
            // With the shortcut list open and a comment selected, too.
            await page.keyboard.press('?')
            await page.keyboard.press('j')
          }
          for (const line of await axeViolations(page))
            found.push(`${colorScheme} ${width} ${path}: ${line}`)
          const sideways = await page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
          )
          if (sideways) wide.push(`${width} ${path}`)
        }
        for (const path of ['/newsroom/stories/new', '/newsroom/stories']) {
          const response = await page.goto(`${suite.site.origin}${path}`)
          assert.equal(response?.status(), 403, `${path} is closed to a moderator`)
          assert.equal(
            await page.getByRole('heading', { level: 1 }).textContent(),
            'You cannot open this page',
          )
          for (const line of await axeViolations(page))
            found.push(`${colorScheme} ${width} ${path}: ${line}`)
        }
        const nav = await page
          .locator('nav[aria-label="Newsroom"] a')
          .evaluateAll((links) => links.map((a) => a.textContent?.trim()))
        assert.deepEqual(nav, ['Comments'], 'a moderator sees only the desk')
        assert.deepEqual(watch.take(), [])
      }
      assert.deepEqual(found, [], `axe violations:\n  ${found.join('\n  ')}`)
      assert.deepEqual(wide, [], 'no desk page scrolls sideways')
    })
  },
  { articles: 3, env: { MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE: '0' } },
)
