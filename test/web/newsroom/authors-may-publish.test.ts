/** MASTHEAD_AUTHORS_MAY_PUBLISH through the real app: authors publish their own stories only when the site allows it, never another's. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import type { Section } from '../../../src/newsroom/index.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { forEachDatabase, type TestDatabase } from '../../helpers/databases.js'
import { all, parsePage, textOf } from '../../helpers/html.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'
import { databaseUrl } from '../../cli/run-cli.js'

const HTML = { accept: 'text/html' }
/** Reader pages fetched as a bot: no view is counted. */
const READER = { ...HTML, 'user-agent': 'masthead-test-bot/1.0' }

/** One app with the setting `on` or off, an author and an editor signed in. */
function authorsSuite(t: TestDatabase, on: boolean) {
  const ctx = {} as {
    testApp: TestApp
    web: FastifyInstance
    services: AppServices
    section: Section
    author: NewsroomClient
    editor: NewsroomClient
    bylineId: number
    deskBylineId: number
  }
  before(async () => {
    ctx.testApp = await buildTestApp({
      env: {
        MASTHEAD_DATABASE_URL: databaseUrl(t),
        MASTHEAD_AUTHORS_MAY_PUBLISH: on ? 'true' : 'false',
      },
    })
    ctx.web = ctx.testApp.app.web
    ctx.services = ctx.testApp.app.services
    ctx.section = await ctx.services.newsroom.createSection({ name: `Quay ${on ? 'on' : 'off'}` })
    ctx.author = await newsroomClient(ctx.web, ctx.services.accounts, 'author')
    const byline = await ctx.services.newsroom.createAuthor({
      name: 'Bea Writer',
      userId: ctx.author.userId,
    })
    ctx.bylineId = byline.id
    // A byline no user stands behind: the author does not own stories that carry only this.
    ctx.deskBylineId = (await ctx.services.newsroom.createAuthor({ name: 'Desk Staff' })).id
    ctx.editor = await newsroomClient(ctx.web, ctx.services.accounts, 'editor')
  })
  after(async () => ctx.testApp?.dispose())
  return ctx
}

/** The fields of the story form, for `sectionId`. */
const fields = (sectionId: number, bylineId: number, extra: Record<string, string> = {}) => ({
  headline: 'Harbour crane gets a new paint job',
  dek: 'Red again',
  bodyMarkdown: 'The crane is red again.',
  sectionId: String(sectionId),
  author1: String(bylineId),
  tags: 'Harbour',
  label: 'news',
  ...extra,
})

/** Creates a story through the form as `client`; returns its id. */
async function create(
  web: FastifyInstance,
  client: NewsroomClient,
  sectionId: number,
  bylineId: number,
  headline: string,
): Promise<number> {
  const response = await postForm(
    web,
    client,
    '/newsroom/stories',
    fields(sectionId, bylineId, { headline }),
  )
  assert.equal(response.statusCode, 303, response.body.slice(0, 300))
  return Number(/\/newsroom\/stories\/(\d+)/.exec(response.headers.location ?? '')?.[1])
}

const buttons = (body: string) =>
  all(parsePage(body), 'form.nr-editor button').map((b) => textOf(b))

forEachDatabase('authors may publish: on', (t) => {
  const ctx = authorsSuite(t, true)

  test('an author sees Publish and Schedule on their own story and publishes it', async () => {
    const { web, author, section } = ctx
    const id = await create(web, author, section.id, ctx.bylineId, 'Crane painted red')
    const page = await web.inject({
      url: `/newsroom/stories/${id}`,
      headers: { ...HTML, cookie: author.cookie },
    })
    assert.ok(buttons(page.body).includes('Publish'), buttons(page.body).join(', '))
    assert.ok(buttons(page.body).includes('Schedule'))
    assert.ok(!buttons(page.body).includes('Unpublish'), 'unpublishing stays with the desk')
    const published = await postForm(
      web,
      author,
      `/newsroom/stories/${id}`,
      fields(section.id, ctx.bylineId, {
        headline: 'Crane painted red',
        baseVersion: '1',
        action: 'publish',
      }),
    )
    assert.equal(published.statusCode, 303)
    assert.equal(published.headers.location, `/newsroom/stories/${id}?done=published`)
    const actor = { userId: author.userId, role: 'author' as const, name: 'x' }
    const story = await ctx.services.newsroom.stories.get(actor, id)
    assert.equal(story.status, 'published')
    const reader = await web.inject({ url: `/${section.slug}/${story.slug}`, headers: READER })
    assert.equal(reader.statusCode, 200)
  })

  test("an author never publishes another writer's story, by form or by service", async () => {
    const { web, author, editor, section, services } = ctx
    const id = await create(web, editor, section.id, ctx.deskBylineId, 'Editor writes about tides')
    const forged = await postForm(
      web,
      author,
      `/newsroom/stories/${id}`,
      fields(section.id, ctx.deskBylineId, {
        headline: 'Editor writes about tides',
        baseVersion: '1',
        action: 'publish',
      }),
    )
    assert.equal(forged.statusCode, 403)
    const actor = { userId: author.userId, role: 'author' as const, name: 'x' }
    await assert.rejects(services.newsroom.stories.publish(actor, id), { code: 'ACCESS_FORBIDDEN' })
    const desk = { userId: editor.userId, role: 'editor' as const, name: 'x' }
    assert.equal((await services.newsroom.stories.get(desk, id)).status, 'draft')
  })
})

forEachDatabase('authors may publish: off (the default)', (t) => {
  const ctx = authorsSuite(t, false)

  test('an author has no Publish button, a forged publish answers 403, submitting works', async () => {
    const { web, author, section, services } = ctx
    const id = await create(web, author, section.id, ctx.bylineId, 'Crane waits for review')
    const page = await web.inject({
      url: `/newsroom/stories/${id}`,
      headers: { ...HTML, cookie: author.cookie },
    })
    const shown = buttons(page.body)
    assert.ok(!shown.includes('Publish') && !shown.includes('Schedule'), shown.join(', '))
    assert.ok(shown.includes('Submit for review'), shown.join(', '))
    const actor = { userId: author.userId, role: 'author' as const, name: 'x' }
    for (const action of ['publish', 'schedule']) {
      // The form saves the words before it moves the story, so each try is based on the latest.
      const { version } = await services.newsroom.stories.get(actor, id)
      const forged = await postForm(
        web,
        author,
        `/newsroom/stories/${id}`,
        fields(section.id, ctx.bylineId, {
          headline: 'Crane waits for review',
          baseVersion: String(version),
          action,
          publishAt: '2030-01-01T10:00',
        }),
      )
      assert.equal(forged.statusCode, 403, action)
    }
    await assert.rejects(services.newsroom.stories.publish(actor, id), { code: 'ACCESS_FORBIDDEN' })
    const story = await services.newsroom.stories.get(actor, id)
    const submitted = await postForm(
      web,
      author,
      `/newsroom/stories/${id}`,
      fields(section.id, ctx.bylineId, {
        headline: 'Crane waits for review',
        baseVersion: String(story.version),
        action: 'submit',
      }),
    )
    assert.equal(submitted.statusCode, 303)
    assert.equal((await services.newsroom.stories.get(actor, id)).status, 'in_review')
  })
})
