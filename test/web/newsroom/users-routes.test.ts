/** The users screen through its routes on every database: invite, role change, deactivation. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import { databaseUrl } from '../../cli/run-cli.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import {
  type NewsroomClient,
  newsroomClient,
  postForm,
  postSignIn,
} from '../../helpers/newsroom-session.js'

const HTML = { accept: 'text/html' }
const FORM = 'application/x-www-form-urlencoded'
const NEW_PASSWORD = 'a long enough new password'

forEachDatabase('users screen', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let admin: NewsroomClient
  let editor: NewsroomClient

  before(async () => {
    testApp = await buildTestApp({ env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    admin = await newsroomClient(web, services.accounts, 'admin')
    editor = await newsroomClient(web, services.accounts, 'editor')
  })
  after(() => testApp?.dispose())

  const get = (client: Pick<NewsroomClient, 'cookie'>, url: string) =>
    web.inject({ url, headers: { ...HTML, cookie: client.cookie } })

  test('admins see the users with the add form; the page is valid HTML', async () => {
    const page = await get(admin, '/newsroom/users')
    assert.equal(page.statusCode, 200)
    const doc = parsePage(page.body)
    assert.ok(one(doc, 'form[action="/newsroom/users"] input[name="email"]'))
    assert.ok(one(doc, `form[action="/newsroom/users/${editor.userId}/role"] select`))
    assert.deepEqual(await htmlProblems(page.body), [])
  })

  test('only admins: an editor gets 403 on every users route', async () => {
    assert.equal((await get(editor, '/newsroom/users')).statusCode, 403)
    assert.equal((await get(editor, `/newsroom/users/${admin.userId}/deactivate`)).statusCode, 403)
    const add = await postForm(web, editor, '/newsroom/users', {
      name: 'Sneaky',
      email: 'sneaky@example.org',
      role: 'admin',
    })
    assert.equal(add.statusCode, 403)
    const role = await postForm(web, editor, `/newsroom/users/${editor.userId}/role`, {
      role: 'admin',
    })
    assert.equal(role.statusCode, 403)
    assert.equal((await services.accounts.findById(editor.userId))?.role, 'editor')
  })

  test('a form without the CSRF token is refused and changes nothing', async () => {
    const add = await postForm(
      web,
      admin,
      '/newsroom/users',
      { name: 'No token', email: 'no-token@example.org', role: 'author' },
      { csrf: false },
    )
    assert.equal(add.statusCode, 403)
    assert.equal(await services.accounts.findByEmail('no-token@example.org'), undefined)
  })

  test('the last active admin cannot be deactivated or demoted: the refusal is on the page', async () => {
    const deactivate = await postForm(web, admin, `/newsroom/users/${admin.userId}/deactivate`)
    assert.equal(deactivate.statusCode, 409)
    assert.match(textOf(one(parsePage(deactivate.body), '.error-summary')), /last active admin/)
    const demote = await postForm(web, admin, `/newsroom/users/${admin.userId}/role`, {
      role: 'editor',
    })
    assert.equal(demote.statusCode, 409)
    assert.equal((await services.accounts.findById(admin.userId))?.deactivatedAt, null)
  })

  test('bad input is a 400 on the page with what was typed kept, never a 500', async () => {
    const badEmail = await postForm(web, admin, '/newsroom/users', {
      name: 'Ann Example',
      email: 'not-an-address',
      role: 'author',
    })
    assert.equal(badEmail.statusCode, 400)
    const doc = parsePage(badEmail.body)
    assert.match(textOf(one(doc, '.error-summary')), /e-mail address is not valid/)
    assert.equal(one(doc, '#user-name').getAttribute('value'), 'Ann Example')
    const badRole = await postForm(web, admin, '/newsroom/users', {
      name: 'Ann Example',
      email: 'ann@example.org',
      role: 'overlord',
    })
    assert.equal(badRole.statusCode, 400)
    const missing = await postForm(web, admin, '/newsroom/users', { name: 'No e-mail' })
    assert.equal(missing.statusCode, 400)
    const roleOfNobody = await postForm(web, admin, '/newsroom/users/999999/role', {
      role: 'editor',
    })
    assert.equal(roleOfNobody.statusCode, 404)
    const badRoleChange = await postForm(web, admin, `/newsroom/users/${editor.userId}/role`, {
      role: 'overlord',
    })
    assert.equal(badRoleChange.statusCode, 400)
    assert.equal((await services.accounts.findById(editor.userId))?.role, 'editor')
  })

  test('an invited user sets a password with the link shown once, then signs in', async () => {
    const added = await postForm(web, admin, '/newsroom/users', {
      name: 'Nia Newcomer',
      email: 'Nia@Example.org',
      role: 'author',
    })
    assert.equal(added.statusCode, 201)
    assert.deepEqual(await htmlProblems(added.body), [])
    const url = one(parsePage(added.body), '#invite-url').getAttribute('value') ?? ''
    const path = new URL(url).pathname
    assert.match(path, /^\/newsroom\/reset-password\/[A-Za-z0-9_-]{20,}$/)
    const user = await services.accounts.findByEmail('nia@example.org')
    assert.equal(user?.role, 'author')
    // Before the link is used nobody can sign in as the new user.
    assert.equal((await postSignIn(web, 'nia@example.org', NEW_PASSWORD)).statusCode, 401)
    // The list no longer shows the link (it is shown once).
    assert.doesNotMatch((await get(admin, '/newsroom/users')).body, new RegExp(path))

    assert.equal((await web.inject({ url: path, headers: HTML })).statusCode, 200)
    const set = await web.inject({
      method: 'POST',
      url: path,
      headers: { ...HTML, 'content-type': FORM, origin: 'http://127.0.0.1:3000' },
      payload: new URLSearchParams({ next: NEW_PASSWORD, confirm: NEW_PASSWORD }).toString(),
    })
    assert.equal(set.statusCode, 303)
    assert.equal((await postSignIn(web, 'nia@example.org', NEW_PASSWORD)).statusCode, 303)
    // The link worked once.
    assert.equal((await web.inject({ url: path, headers: HTML })).statusCode, 400)
  })

  test('a taken e-mail address is a 409 on the form', async () => {
    const again = await postForm(web, admin, '/newsroom/users', {
      name: 'Nia again',
      email: 'nia@example.org',
      role: 'editor',
    })
    assert.equal(again.statusCode, 409)
    assert.match(textOf(one(parsePage(again.body), '.error-summary')), /exists/)
  })

  test('an admin changes a role (post/redirect/get with a notice)', async () => {
    const changed = await postForm(web, admin, `/newsroom/users/${editor.userId}/role`, {
      role: 'moderator',
    })
    assert.equal(changed.statusCode, 303)
    assert.equal(changed.headers.location, '/newsroom/users?notice=role-changed')
    assert.equal((await services.accounts.findById(editor.userId))?.role, 'moderator')
    const page = await get(admin, '/newsroom/users?notice=role-changed')
    assert.match(textOf(one(parsePage(page.body), '[role="status"]')), /role is changed/)
    // A moderator now: the stories screen is closed to them at once.
    assert.equal((await get(editor, '/newsroom/stories')).statusCode, 403)
  })

  test('deactivation asks first, then ends the user’s sessions at once', async () => {
    const victim = await newsroomClient(web, services.accounts, 'author')
    assert.equal((await get(victim, '/newsroom')).statusCode, 200)
    const confirm = await get(admin, `/newsroom/users/${victim.userId}/deactivate`)
    assert.equal(confirm.statusCode, 200)
    assert.deepEqual(await htmlProblems(confirm.body), [])
    assert.ok(
      one(parsePage(confirm.body), `form[action="/newsroom/users/${victim.userId}/deactivate"]`),
    )
    // Still active until the confirmation is posted.
    assert.equal((await get(victim, '/newsroom')).statusCode, 200)

    const done = await postForm(web, admin, `/newsroom/users/${victim.userId}/deactivate`)
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, '/newsroom/users?notice=deactivated')
    const after = await get(victim, '/newsroom')
    assert.equal(after.statusCode, 303)
    assert.match(String(after.headers.location), /^\/newsroom\/sign-in/)
    assert.notEqual((await services.accounts.findById(victim.userId))?.deactivatedAt, null)
  })
})
