/** A story taken down answers 410 Gone at once and leaves the front, its section, the rails and the cache. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Actor } from '../../../src/accounts/index.js'
import { type SiteApp, startSiteApp } from './site-app.js'

describe('an unpublished story', () => {
  let site: SiteApp
  let editor: Actor

  before(async () => {
    site = await startSiteApp()
    const { user } = await site.testApp.app.services.accounts.addUser({
      email: 'desk-editor@example.org',
      name: 'Desk Editor',
      role: 'editor',
      password: 'a long enough password',
    })
    editor = { userId: user.id, role: 'editor', name: user.name }
  })
  after(() => site.close())

  test('answers 410 and disappears from every page that showed it, with no wait', async () => {
    const { services } = site.testApp.app
    // A story that is on the rails of the pages below.
    const rails = await services.engagement.frontRails()
    const railStory = rails.popularNow[0] ?? rails.weeklyBest[0]
    assert.ok(railStory, 'the demo has a ranked story')
    const path = `/${railStory.section.slug}/${railStory.slug}`
    const sectionPath = `/${railStory.section.slug}`

    // Warm the page cache with pages that show it.
    for (const url of [path, '/', sectionPath, site.articlePath]) {
      assert.equal((await site.get(url)).status, 200, url)
    }
    const pages = ['/', sectionPath, site.articlePath].filter((url) => url !== path)
    const linked = await Promise.all(
      pages.map(async (url) => (await site.get(url)).html.includes(`href="${path}"`)),
    )
    assert.ok(linked.some(Boolean), 'some cached page links to it before')

    await services.newsroom.stories.unpublish(editor, railStory.id)

    const gone = await site.get(path)
    assert.equal(gone.status, 410)
    assert.match(gone.doc.querySelector('h1')?.textContent ?? '', /removed/)
    assert.equal(
      gone.doc.querySelector('meta[name="robots"]')?.getAttribute('content')?.includes('noindex'),
      true,
    )
    for (const url of pages) {
      const page = await site.get(url)
      assert.equal(page.status, 200, url)
      const where = [...page.doc.querySelectorAll(`a[href="${path}"]`)].map(
        (a) => a.closest('section')?.querySelector('h2')?.textContent,
      )
      assert.equal(
        page.html.includes(`href="${path}"`),
        false,
        `${url} no longer links to it (${where.join(', ')})`,
      )
    }
    const after = await services.engagement.frontRails()
    assert.equal(
      [...after.popularNow, ...after.weeklyBest].some((s) => s.id === railStory.id),
      false,
    )
  })

  test('an address that never held a story is still 404', async () => {
    assert.equal((await site.get('/world/never-a-story-here')).status, 404)
  })
})
