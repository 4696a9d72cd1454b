/**
 * The site name and language the admin sets reach every output on every database: pages,
 * feeds, the news sitemap, the Content API, error pages and e-mails, with cached copies purged.
 */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../src/app.js'
import { createAccounts } from '../../src/accounts/index.js'
import type { MailMessage } from '../../src/infra/mail/mailer.js'
import { databaseUrl } from '../cli/run-cli.js'
import { buildTestApp, TEST_HASH_COST, TEST_NOW, type TestApp } from '../helpers/build-test-app.js'
import { forEachDatabase } from '../helpers/databases.js'
import { one, parsePage, textOf } from '../helpers/html.js'

const READER = { accept: 'text/html', 'user-agent': 'masthead-test-bot/1.0' }
const NEW_NAME = 'Le Courrier du Quai'

forEachDatabase('the site name and language everywhere', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let key: string

  before(async () => {
    testApp = await buildTestApp({ env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    const { newsroom } = services
    const section = await newsroom.createSection({ name: `Ports ${Date.now().toString(36)}` })
    const author = await newsroom.createAuthor({ name: 'Noor Live' })
    // Published an hour ago: in the news sitemap, which lists the last two days.
    await newsroom.createArticle({
      headline: 'Ferries run late again',
      bodyMarkdown: 'Fog.',
      sectionId: section.id,
      authorIds: [author.id],
      status: 'published',
      publishedAt: new Date(TEST_NOW.getTime() - 3_600_000),
    })
    key = (await services.apiKeys.add('live site tests')).secret
  })
  after(() => testApp?.dispose())

  const read = (url: string) => web.inject({ url, headers: READER })
  const api = (url: string) => web.inject({ url, headers: { authorization: `Bearer ${key}` } })

  /** What each output says the site's name and language are. */
  const outputs = async () => {
    const front = parsePage((await read('/')).body)
    const rss = (await read('/feed.xml')).body
    const atom = (await read('/atom.xml')).body
    const json = (await read('/feed.json')).json<{ title: string; language: string }>()
    const news = (await read('/sitemap-news.xml')).body
    const site = (await api('/api/v1/site')).json<{ site: { name: string; language: string } }>()
    const openapi = (await api('/api/v1/openapi.json')).json<{ info: { title: string } }>()
    // A refused request gets the small standalone error page.
    const refused = await read('/search?q=ferries&unknown=1')
    assert.equal(refused.statusCode, 400)
    const missing = parsePage((await read('/no-such-page-at-all')).body)
    return {
      front: [textOf(one(front, 'title')), front.documentElement.getAttribute('lang')],
      rss: [/<channel><title>([^<]*)<\/title>/.exec(rss)?.[1], /<language>([^<]*)</.exec(rss)?.[1]],
      atom: [
        /<feed[^>]*><id>[^<]*<\/id><title>([^<]*)</.exec(atom)?.[1],
        /xml:lang="([^"]*)"/.exec(atom)?.[1],
      ],
      json: [json.title, json.language],
      news: [/<news:name>([^<]*)</.exec(news)?.[1], /<news:language>([^<]*)</.exec(news)?.[1]],
      api: [site.site.name, site.site.language],
      openapi: [openapi.info.title],
      error: [parsePage(refused.body).documentElement.getAttribute('lang')],
      notFound: [missing.documentElement.getAttribute('lang'), textOf(one(missing, 'title'))],
    }
  }

  test('a change of name and language shows in every output at once', async () => {
    const configured = services.config.site
    const before = await outputs()
    assert.deepEqual(before.front, [configured.name, configured.language])
    assert.deepEqual(before.rss, [configured.name, configured.language])
    assert.deepEqual(before.news, [configured.name, configured.language])
    assert.deepEqual(before.api, [configured.name, configured.language])

    // Everything above is now cached; the change must purge it.
    await services.settings.update({ siteName: NEW_NAME, language: 'fr' }, null)
    const after = await outputs()
    assert.deepEqual(after.front, [NEW_NAME, 'fr'])
    assert.deepEqual(after.rss, [NEW_NAME, 'fr'])
    assert.deepEqual(after.atom, [NEW_NAME, 'fr'])
    assert.deepEqual(after.json, [NEW_NAME, 'fr'])
    assert.deepEqual(after.news, [NEW_NAME, 'fr'])
    assert.deepEqual(after.api, [NEW_NAME, 'fr'])
    assert.deepEqual(after.openapi, [`${NEW_NAME} API`])
    assert.deepEqual(after.error, ['fr'])
    assert.equal(after.notFound[0], 'fr')
    assert.match(after.notFound[1] ?? '', new RegExp(`${NEW_NAME}$`))
  })

  test('invitation and password e-mails name the site as set', async () => {
    const mail: MailMessage[] = []
    const accounts = createAccounts({
      db: t.handle.db,
      clock: services.clock,
      hashCost: TEST_HASH_COST,
      mailer: { delivers: true, send: async (message) => void mail.push(message) },
      siteName: () => services.settings.current().siteName,
    })
    await accounts.inviteUser({ email: 'invited@example.org', name: 'Ines', role: 'author' })
    // Another user: the invitation's link holds back a reset mail to Ines for a while.
    await accounts.addUser({ email: 'omar@example.org', name: 'Omar', role: 'editor' })
    await services.settings.update({ siteName: 'The Quay Courier' }, null)
    await accounts.requestReset('omar@example.org')
    await new Promise((resolve) => setTimeout(resolve, 50)) // sent in the background
    assert.deepEqual(
      mail.map((message) => message.subject),
      [
        `You are invited to the ${NEW_NAME} newsroom`,
        'Reset your The Quay Courier newsroom password',
      ],
    )
  })
})
