/** The story screens through their routes on every database: list, editor, saves, conflicts, workflow, revisions. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import { createFixedClock } from '../../../src/lib/clock.js'
import type { Author, Section } from '../../../src/newsroom/index.js'
import { buildTestApp, type TestApp, TEST_NOW } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'
import { databaseUrl } from '../../cli/run-cli.js'

const HTML = { accept: 'text/html' }
/** Reader pages are fetched as a bot: no view is counted, so closing the app writes nothing. */
const READER = { ...HTML, 'user-agent': 'masthead-test-bot/1.0' }

forEachDatabase('story screens', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let section: Section
  let author: Author
  let editor: NewsroomClient
  let contributor: NewsroomClient
  const clock = createFixedClock(TEST_NOW)

  before(async () => {
    testApp = await buildTestApp({ clock, env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    section = await services.newsroom.createSection({ name: `Harbour ${Date.now().toString(36)}` })
    author = await services.newsroom.createAuthor({ name: 'Ana Reporter' })
    editor = await newsroomClient(web, services.accounts, 'editor')
    contributor = await newsroomClient(web, services.accounts, 'contributor')
  })
  after(async () => testApp?.dispose())

  const get = (client: NewsroomClient, url: string) =>
    web.inject({ url, headers: { ...HTML, cookie: client.cookie } })

  const storyFields = (fields: Record<string, string> = {}) => ({
    headline: 'Ferry timetable changes',
    dek: 'Fewer crossings in winter',
    bodyMarkdown: 'The first ferry leaves at seven.\n\nThe last at nine.',
    sectionId: String(section.id),
    author1: String(author.id),
    tags: 'Ferries, Winter',
    label: 'news',
    ...fields,
  })

  /** Creates a story through the form; returns its id. */
  const create = async (client: NewsroomClient, fields: Record<string, string> = {}) => {
    const response = await postForm(web, client, '/newsroom/stories', storyFields(fields))
    assert.equal(response.statusCode, 303, response.body.slice(0, 500))
    const id = Number(/\/newsroom\/stories\/(\d+)/.exec(response.headers.location ?? '')?.[1])
    assert.ok(id > 0)
    return id
  }

  test('signed out, the story screens send you to sign in', async () => {
    const response = await web.inject({ url: '/newsroom/stories', headers: HTML })
    assert.equal(response.statusCode, 303)
    assert.match(String(response.headers.location), /^\/newsroom\/sign-in/)
  })

  test('the editor has every field with a visible label, is private, noindex and valid HTML', async () => {
    const response = await get(editor, '/newsroom/stories/new')
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['cache-control']), /private, no-store/)
    const doc = parsePage(response.body)
    assert.match(one(doc, 'meta[name="robots"]').getAttribute('content') ?? '', /noindex/)
    const labels = all(doc, 'label, legend').map((l) => textOf(l))
    for (const name of [
      'Headline',
      'Dek',
      'Body',
      'Section',
      'Tags',
      'Slug',
      'SEO title',
      'SEO description',
      'Comments',
      'Label',
      'Lead photo',
      'Authors',
      'Author 1',
    ]) {
      assert.ok(labels.includes(name), `a visible label "${name}" (have ${labels.join(', ')})`)
    }
    for (const label of all(doc, 'label[for]'))
      assert.ok(
        doc.getElementById(label.getAttribute('for') ?? ''),
        `label ${textOf(label)} points at a field`,
      )
    assert.deepEqual(await htmlProblems(response.body), [])
  })

  test('create, list and filter: last changed first, by status, section, author and headline', async () => {
    const id = await create(editor, { headline: 'Quayside market reopens' })
    const page = await get(editor, `/newsroom/stories/${id}?done=created`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Draft created/)
    const list = await get(
      editor,
      `/newsroom/stories?q=quayside&status=draft&section=${section.id}&author=${author.id}`,
    )
    assert.equal(list.statusCode, 200)
    const doc = parsePage(list.body)
    const links = all(doc, 'tbody th a').map((a) => a.getAttribute('href'))
    assert.deepEqual(links, [`/newsroom/stories/${id}`])
    assert.deepEqual(await htmlProblems(list.body), [])
    const none = await get(editor, '/newsroom/stories?q=quayside&status=published')
    assert.match(none.body, /No stories match/)
    assert.equal((await get(editor, '/newsroom/stories?status=bogus')).statusCode, 400)
  })

  test('the SEO title and description are saved with the story; too long is a clear 400', async () => {
    const id = await create(editor, {
      seoTitle: 'Ferries: the winter timetable',
      seoDescription: 'Every crossing from November to March.',
    })
    const doc = parsePage((await get(editor, `/newsroom/stories/${id}`)).body)
    assert.equal(
      one(doc, '#story-seo-title').getAttribute('value'),
      'Ferries: the winter timetable',
    )
    assert.equal(
      one(doc, '#story-seo-description').textContent,
      'Every crossing from November to March.',
    )
    const tooLong = await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({ baseVersion: '1', seoTitle: 'x'.repeat(201), action: 'save' }),
    )
    assert.equal(tooLong.statusCode, 400)
    assert.equal(
      one(parsePage(tooLong.body), '#story-seo-title').getAttribute('aria-invalid'),
      'true',
    )
    const story = await services.newsroom.stories.get(
      { userId: editor.userId, role: 'editor', name: 'x' },
      id,
    )
    assert.equal(story.seoTitle, 'Ferries: the winter timetable')
    assert.equal(story.seoDescription, 'Every crossing from November to March.')
  })

  test('a save over a newer version is refused with both texts; nothing is overwritten', async () => {
    const id = await create(editor)
    const first = await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({ baseVersion: '1', bodyMarkdown: 'Their words.', action: 'save' }),
    )
    assert.equal(first.statusCode, 303)
    const stale = await postForm(
      web,
      contributor.userId === 0 ? editor : editor,
      `/newsroom/stories/${id}`,
      storyFields({ baseVersion: '1', bodyMarkdown: 'My words.', action: 'save' }),
    )
    assert.equal(stale.statusCode, 409)
    const doc = parsePage(stale.body)
    assert.match(textOf(one(doc, '#story-problem')), /Their words\./)
    assert.match(textOf(one(doc, '#story-problem')), /My words\./)
    assert.equal(one(doc, '#story-body').textContent, 'My words.', 'your text stays in the form')
    assert.equal(one(doc, 'input[name="baseVersion"]').getAttribute('value'), '2')
    const story = await services.newsroom.stories.get(
      { userId: editor.userId, role: 'editor', name: 'x' },
      id,
    )
    assert.equal(story.bodyMarkdown, 'Their words.')
  })

  test('autosave: JSON with the base version; a stale one answers 409 with the newer text', async () => {
    const id = await create(editor)
    const autosave = (baseVersion: number, body: string, csrf = editor.csrf) =>
      web.inject({
        method: 'POST',
        url: `/newsroom/stories/${id}/autosave`,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          cookie: editor.cookie,
          origin: 'http://127.0.0.1:3000',
          'x-csrf-token': csrf,
        },
        payload: JSON.stringify({
          baseVersion,
          headline: 'Ferry timetable changes',
          dek: '',
          bodyMarkdown: body,
        }),
      })
    const saved = await autosave(1, 'Autosaved text.')
    assert.equal(saved.statusCode, 200, saved.body)
    assert.equal(saved.json<{ version: number }>().version, 2)
    const stale = await autosave(1, 'Older tab.')
    assert.equal(stale.statusCode, 409)
    const { error } = stale.json<{
      error: {
        code: string
        details: { current: { bodyMarkdown: string }; yours: { bodyMarkdown: string } }
      }
    }>()
    assert.equal(error.code, 'STORY_VERSION_CONFLICT')
    assert.equal(error.details.current.bodyMarkdown, 'Autosaved text.')
    assert.equal(error.details.yours.bodyMarkdown, 'Older tab.')
    assert.equal((await autosave(2, 'No token.', 'wrong')).statusCode, 403)
  })

  test('buttons by role; a contributor cannot publish; an editor publishes and unpublishes (410)', async () => {
    const id = await create(contributor, { headline: 'Lighthouse keeper retires' })
    const mine = parsePage((await get(contributor, `/newsroom/stories/${id}`)).body)
    const buttons = (doc: Document) => all(doc, 'form.nr-editor button').map((b) => textOf(b))
    assert.deepEqual(buttons(mine), ['Save draft', 'Preview'])
    const refused = await postForm(
      web,
      contributor,
      `/newsroom/stories/${id}`,
      storyFields({ headline: 'Lighthouse keeper retires', baseVersion: '1', action: 'publish' }),
    )
    assert.equal(refused.statusCode, 403)

    const desk = parsePage((await get(editor, `/newsroom/stories/${id}`)).body)
    assert.ok(buttons(desk).includes('Publish'))
    assert.ok(buttons(desk).includes('Schedule'))
    assert.ok(!buttons(desk).includes('Unpublish'))
    const version = one(desk, 'input[name="baseVersion"]').getAttribute('value') ?? ''
    const published = await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({
        headline: 'Lighthouse keeper retires',
        baseVersion: version,
        action: 'publish',
      }),
    )
    assert.equal(published.statusCode, 303)
    assert.equal(published.headers.location, `/newsroom/stories/${id}?done=published`)
    const story = await services.newsroom.stories.get(
      { userId: editor.userId, role: 'editor', name: 'x' },
      id,
    )
    const path = `/${story.section.slug}/${story.slug}`
    assert.equal((await web.inject({ url: path, headers: READER })).statusCode, 200)

    const after = parsePage((await get(editor, `/newsroom/stories/${id}`)).body)
    assert.ok(buttons(after).includes('Unpublish'))
    assert.match(textOf(one(after, '.nr-log')), /Draft → Published by Test editor/)
    const down = await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({
        headline: 'Lighthouse keeper retires',
        baseVersion: String(story.version),
        action: 'unpublish',
      }),
    )
    assert.equal(down.statusCode, 303)
    assert.equal((await web.inject({ url: path, headers: READER })).statusCode, 410)
  })

  test('schedule needs a future time; a changed slug redirects the old address', async () => {
    const id = await create(editor, { headline: 'Regatta moves to June' })
    const past = await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({
        headline: 'Regatta moves to June',
        baseVersion: '1',
        action: 'schedule',
        publishAt: '2020-01-01T10:00',
      }),
    )
    assert.equal(past.statusCode, 400)
    assert.match(past.body, /future/)
    const due = new Date(TEST_NOW.getTime() + 3_600_000).toISOString().slice(0, 16)
    const scheduled = await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({
        headline: 'Regatta moves to June',
        baseVersion: '2',
        action: 'schedule',
        publishAt: due,
      }),
    )
    assert.equal(scheduled.statusCode, 303)
    const actor = { userId: editor.userId, role: 'editor' as const, name: 'x' }
    assert.equal((await services.newsroom.stories.get(actor, id)).status, 'scheduled')
    await services.newsroom.stories.publish(actor, id)
    const live = await services.newsroom.stories.get(actor, id)
    const renamed = await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({
        headline: 'Regatta moves to June',
        baseVersion: String(live.version),
        slug: 'regatta-in-june',
        action: 'save',
      }),
    )
    assert.equal(renamed.statusCode, 303)
    const old = await web.inject({ url: `/${live.section.slug}/${live.slug}`, headers: READER })
    assert.equal(old.statusCode, 301)
    assert.equal(old.headers.location, `/${live.section.slug}/regatta-in-june`)
  })

  test('revisions: a diff between two saves and restore as a new revision; preview renders the body', async () => {
    const id = await create(editor, { bodyMarkdown: 'The harbour was calm.' })
    await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({ baseVersion: '1', bodyMarkdown: 'The harbour was rough.', action: 'save' }),
    )
    const page = await get(editor, `/newsroom/stories/${id}/revisions`)
    assert.equal(page.statusCode, 200)
    const doc = parsePage(page.body)
    assert.equal(textOf(one(doc, '.nr-diff-lines del')), 'calm.')
    assert.equal(textOf(one(doc, '.nr-diff-lines ins')), 'rough.')
    assert.deepEqual(await htmlProblems(page.body), [])
    const restored = await postForm(web, editor, `/newsroom/stories/${id}/revisions/1/restore`, {
      baseVersion: '2',
    })
    assert.equal(restored.statusCode, 303)
    const story = await services.newsroom.stories.get(
      { userId: editor.userId, role: 'editor', name: 'x' },
      id,
    )
    assert.equal(story.version, 3)
    assert.equal(story.bodyMarkdown, 'The harbour was calm.')

    const preview = await postForm(
      web,
      editor,
      `/newsroom/stories/${id}`,
      storyFields({ baseVersion: '3', bodyMarkdown: 'A **bold** preview.', action: 'preview' }),
    )
    assert.equal(preview.statusCode, 303)
    const shown = await get(editor, String(preview.headers.location))
    assert.equal(shown.statusCode, 200)
    assert.match(shown.body, /<strong>bold<\/strong>/)
    assert.deepEqual(await htmlProblems(shown.body), [])
  })
})
