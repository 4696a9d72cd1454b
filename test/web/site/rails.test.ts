/** Every rail of the article and front pages is the engagement engine's, as the engine assembled it. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { RankedStory } from '../../../src/engagement/index.js'
import { all } from '../../helpers/html.js'
import { type SiteApp, startSiteApp } from './site-app.js'

/** The story links of the rail whose heading has id `id`, in order. */
function railLinks(doc: Document, id: string): string[] {
  const heading = doc.getElementById(id)
  const region = heading?.closest('section')
  assert.ok(region, `a rail headed #${id}`)
  return all(region, 'li a').map((a) => a.getAttribute('href') ?? '')
}

const paths = (stories: readonly RankedStory[]): string[] =>
  stories.map((s) => `/${s.section.slug}/${s.slug}`)

describe('rails from the engine', () => {
  let site: SiteApp

  before(async () => {
    site = await startSiteApp()
  })
  after(() => site.close())

  // Across rails, repeats are avoided only while other candidates exist (the engine's tests
  // check that with enough read stories); 30 demo stories with a few weeks of views are too few
  // for 33 places, so here each rail is checked on its own.
  test('the article page shows exactly the engine’s rails, each without repeats or itself', async () => {
    const page = await site.get(site.articlePath)
    const rails = await site.testApp.app.services.engagement.articleRails(site.article.id)
    const expected: [string, RankedStory[]][] = [
      ['rail-latest', rails.latest],
      ['rail-weekly-best', rails.weeklyBest],
      ['rail-related', rails.related],
      ['rail-popular', rails.popularNow],
      ['rail-must-reads', rails.mustReads],
    ]
    for (const [id, stories] of expected) {
      assert.ok(stories.length > 0, `${id} has stories`)
      const links = railLinks(page.doc, id)
      assert.deepEqual(links, paths(stories))
      assert.equal(new Set(links).size, links.length)
      assert.ok(!links.includes(site.articlePath))
    }
  })

  test('the front page shows exactly the engine’s rails', async () => {
    const page = await site.get('/')
    const rails = await site.testApp.app.services.engagement.frontRails()
    assert.deepEqual(railLinks(page.doc, 'rail-popular'), paths(rails.popularNow))
    assert.deepEqual(railLinks(page.doc, 'rail-weekly-best'), paths(rails.weeklyBest))
    assert.deepEqual(railLinks(page.doc, 'rail-must-reads'), paths(rails.mustReads))
    assert.ok(rails.mustReads.length > 0)
  })
})
