/** Labels on stories and cards, correction notes above the body, and the /corrections page, on the real app. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Actor } from '../../../src/accounts/index.js'
import { all, htmlProblems, one, textOf } from '../../helpers/html.js'
import { type SiteApp, startSiteApp } from './site-app.js'

const EDITOR: Actor = { userId: 0, role: 'editor', name: 'Desk editor' }

describe('labels and corrections on the site', () => {
  let site: SiteApp

  before(async () => {
    site = await startSiteApp()
  })
  after(() => site.close())

  test('the story page says its label in words; sponsored stories say so under the headline', async () => {
    const { newsroom } = site.testApp.app.services
    await newsroom.updateArticle(site.article.id, { label: 'analysis' })
    let page = await site.get(site.articlePath)
    assert.equal(textOf(one(page.doc, '.story-header .story-label')), 'Type: Analysis')
    assert.equal(all(page.doc, '.sponsored-notice').length, 0)

    await newsroom.updateArticle(site.article.id, { label: 'sponsored' })
    page = await site.get(site.articlePath)
    assert.equal(textOf(one(page.doc, '.story-header .story-label')), 'Type: Sponsored content')
    assert.match(textOf(one(page.doc, '.story-header .sponsored-notice')), /^Sponsored content\./)
    assert.deepEqual(await htmlProblems(page.html), [])

    // Its card on the section front carries the label too; plain news cards carry none.
    const section = await site.get(`/${site.article.section.slug}`)
    const card = all(section.doc, '.story-card').find((c) =>
      all(c, 'a').some((a) => a.getAttribute('href') === site.articlePath),
    )
    assert.ok(card, 'the story has a card on its section front')
    assert.equal(textOf(one(card, '.story-label')), 'Type: Sponsored content')
    await newsroom.updateArticle(site.article.id, { label: 'news' })
    const plain = await site.get(`/${site.article.section.slug}`)
    assert.ok(!all(plain.doc, '.story-card .story-label').some((l) => /News/.test(textOf(l))))
  })

  test('a correction shows above the body, updates the byline time, and is listed on /corrections', async () => {
    const { newsroom } = site.testApp.app.services
    const emptyish = await site.get('/corrections')
    assert.equal(emptyish.status, 200)
    const before = await site.get(site.articlePath) // cached now; the note must purge it

    const note = await newsroom.addArticleNote(EDITOR, site.article.id, {
      kind: 'correction',
      text: 'An earlier version misnamed the <harbour> master.',
    })
    const page = await site.get(site.articlePath)
    assert.notEqual(page.html, before.html)
    const notes = one(page.doc, 'section.story-notes')
    assert.equal(notes.getAttribute('aria-label'), 'Corrections and updates')
    const text = textOf(one(notes, '.story-note-correction'))
    assert.match(text, /^Correction, .+: An earlier version misnamed the <harbour> master\.$/)
    assert.equal(one(notes, 'time').getAttribute('datetime'), note.createdAt.toISOString())
    // Above the body: the notes come before the body in document order.
    const order = all(page.doc, 'section.story-notes, .article-body').map((e) => e.className)
    assert.equal(order[0], 'story-notes')
    const updated = one(page.doc, '.byline-updated time').getAttribute('datetime')
    assert.equal(updated, note.createdAt.toISOString())
    assert.deepEqual(await htmlProblems(page.html), [])

    const list = await site.get('/corrections')
    assert.equal(list.status, 200)
    assert.deepEqual(await htmlProblems(list.html), [])
    const first = one(list.doc, '.corrections-list > li')
    assert.equal(one(first, 'h2 a').getAttribute('href'), `${site.articlePath}#note-${note.id}`)
    assert.match(textOf(first), /misnamed the <harbour> master/)
    assert.equal(
      one(list.doc, 'link[rel="canonical"]').getAttribute('href'),
      'http://127.0.0.1:3000/corrections',
    )

    // Updates are notes on the story but not corrections.
    await newsroom.addArticleNote(EDITOR, site.article.id, { kind: 'update', text: 'New figures.' })
    const again = await site.get('/corrections')
    assert.equal(
      all(again.doc, '.corrections-list > li').length,
      all(list.doc, '.corrections-list > li').length,
    )
  })

  test('/corrections pages: past the last is a 404, a malformed page number a 400', async () => {
    assert.equal((await site.get('/corrections?page=99')).status, 404)
    assert.equal((await site.get('/corrections?page=abc')).status, 400)
    assert.equal((await site.get('/corrections?page=0')).status, 400)
  })
})
