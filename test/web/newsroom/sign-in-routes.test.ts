/** The newsroom's sign-in through its routes on every database: redirects, cookie, CSRF, roles, timeouts. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type Accounts, USER_ROLES } from '../../../src/accounts/index.js'
import { createFixedClock } from '../../../src/lib/clock.js'
import { buildTestApp, type TestApp, TEST_NOW } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import {
  newsroomClient,
  postForm,
  postSignIn,
  signIn,
  TEST_PASSWORD,
} from '../../helpers/newsroom-session.js'
import { databaseUrl } from '../../cli/run-cli.js'

const HTML = { accept: 'text/html' }

forEachDatabase('newsroom sign-in routes', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let accounts: Accounts
  const clock = createFixedClock(TEST_NOW)

  before(async () => {
    testApp = await buildTestApp({
      clock,
      env: { MASTHEAD_DATABASE_URL: databaseUrl(t), MASTHEAD_SESSION_IDLE_MINUTES: '60' },
    })
    web = testApp.app.web
    accounts = testApp.app.services.accounts
  })
  after(async () => testApp?.dispose())

  test('signed out, newsroom pages send you to sign-in with a safe way back; writes get 401', async () => {
    const home = await web.inject({ url: '/newsroom', headers: HTML })
    assert.equal(home.statusCode, 303)
    assert.equal(home.headers.location, '/newsroom/sign-in')
    const users = await web.inject({ url: '/newsroom/users?x=1', headers: HTML })
    assert.equal(users.headers.location, '/newsroom/sign-in?next=%2Fnewsroom%2Fusers%3Fx%3D1')
    const write = await web.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    })
    assert.equal(write.statusCode, 401)
    assert.match(write.body, /SESSION_REQUIRED/)
  })

  test('the sign-in page: labelled fields, a "Sign in" button, valid HTML, private and noindex', async () => {
    const response = await web.inject({ url: '/newsroom/sign-in', headers: HTML })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['cache-control'], 'private, no-store')
    assert.equal(response.headers['x-robots-tag'], 'noindex, nofollow')
    assert.equal(response.headers.etag, undefined)
    assert.deepEqual(await htmlProblems(response.body), [])
    const doc = parsePage(response.body)
    assert.equal(one(doc, 'meta[name="robots"]').getAttribute('content'), 'noindex, nofollow')
    assert.equal(textOf(one(doc, 'label[for="email"]')), 'E-mail')
    assert.equal(textOf(one(doc, 'label[for="password"]')), 'Password')
    assert.equal(one(doc, '#password').getAttribute('type'), 'password')
    assert.equal(textOf(one(doc, 'form button[type="submit"]')), 'Sign in')
  })

  test('signing in sets a HttpOnly, SameSite=Lax session cookie on /newsroom and returns you', async () => {
    await accounts.addUser({
      email: 'ed@example.org',
      name: 'Ed',
      role: 'editor',
      password: TEST_PASSWORD,
    })
    const response = await postSignIn(web, 'Ed@Example.org', TEST_PASSWORD, {
      next: '/newsroom/users?page=2',
    })
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, '/newsroom/users?page=2')
    const cookie = String(response.headers['set-cookie'])
    assert.match(cookie, /^masthead_newsroom=[A-Za-z0-9_-]{43}; /)
    assert.match(cookie, /; Path=\/newsroom; /)
    assert.match(cookie, /; HttpOnly/)
    assert.match(cookie, /; SameSite=Lax/)
    assert.doesNotMatch(cookie, /Secure/, 'an http site cannot set Secure cookies')
  })

  test('the way back after sign-in never leaves the newsroom (no open redirect)', async () => {
    await accounts.addUser({
      email: 'nav@example.org',
      name: 'Nav',
      role: 'author',
      password: TEST_PASSWORD,
    })
    for (const next of [
      '//evil.example/newsroom',
      'https://evil.example/newsroom',
      '/\\evil.example',
      '/newsroom/../admin',
      '/newsroomx',
      'javascript:alert(1)',
      '/newsroom/sign-in',
    ]) {
      const response = await postSignIn(web, 'nav@example.org', TEST_PASSWORD, { next })
      assert.equal(response.headers.location, '/newsroom', next)
    }
  })

  test('a wrong password and an unknown e-mail get the same refusal', async () => {
    await accounts.addUser({
      email: 'same@example.org',
      name: 'Same',
      role: 'author',
      password: TEST_PASSWORD,
    })
    const wrong = await postSignIn(web, 'same@example.org', 'not the password', { ip: '192.0.2.1' })
    const unknown = await postSignIn(web, 'other@example.org', 'not the password', {
      ip: '192.0.2.2',
    })
    assert.equal(wrong.statusCode, 401)
    assert.equal(unknown.statusCode, 401)
    assert.equal(wrong.headers['set-cookie'], undefined)
    const strip = (html: string) => html.replace(/value="[^"]*@example\.org"/, '')
    assert.equal(strip(wrong.body), strip(unknown.body))
    assert.match(wrong.body, /That e-mail address and password do not match\./)
    assert.equal(
      textOf(one(parsePage(wrong.body), '[role="alert"] p')),
      'That e-mail address and password do not match.',
    )
  })

  test('ten wrong passwords lock the account: 429, Retry-After and a clear message', async () => {
    await accounts.addUser({
      email: 'lock@example.org',
      name: 'Lock',
      role: 'author',
      password: TEST_PASSWORD,
    })
    const statuses: number[] = []
    let last = await postSignIn(web, 'lock@example.org', 'wrong', { ip: '192.0.2.10' })
    statuses.push(last.statusCode)
    for (let i = 1; i < 10; i += 1) {
      last = await postSignIn(web, 'lock@example.org', 'wrong', { ip: '192.0.2.10' })
      statuses.push(last.statusCode)
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429])
    assert.equal(last.headers['retry-after'], String(15 * 60))
    assert.match(textOf(one(parsePage(last.body), '[role="alert"]')), /locked for 15 minutes/)
    const right = await postSignIn(web, 'lock@example.org', TEST_PASSWORD, { ip: '192.0.2.11' })
    assert.equal(right.statusCode, 429, 'the right password does not open a locked account')
  })

  test('CSRF: a write needs this session’s token and a same-site origin', async () => {
    const client = await newsroomClient(web, accounts, 'author')
    const other = await newsroomClient(web, accounts, 'author')
    const missing = await postForm(web, client, '/newsroom/sign-out', {}, { csrf: false })
    assert.equal(missing.statusCode, 403)
    assert.match(missing.body, /CSRF_TOKEN_INVALID/)
    const foreignToken = await postForm(
      web,
      { cookie: client.cookie, csrf: other.csrf },
      '/newsroom/sign-out',
    )
    assert.equal(foreignToken.statusCode, 403)
    const crossSite = await postForm(
      web,
      client,
      '/newsroom/sign-out',
      {},
      { origin: 'https://evil.example' },
    )
    assert.equal(crossSite.statusCode, 403)
    assert.match(crossSite.body, /CROSS_SITE_REQUEST/)
    const viaHeader = await web.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': 'nope',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: '',
    })
    assert.equal(viaHeader.statusCode, 403)
    const stillIn = await web.inject({
      url: '/newsroom',
      headers: { ...HTML, cookie: client.cookie },
    })
    assert.equal(stillIn.statusCode, 200, 'refused writes changed nothing')

    const out = await postForm(web, client, '/newsroom/sign-out')
    assert.equal(out.statusCode, 303)
    assert.equal(out.headers.location, '/newsroom/sign-in?notice=signed-out')
    assert.match(
      String(out.headers['set-cookie']),
      /masthead_newsroom=; Path=\/newsroom; Max-Age=0/,
    )
    const after = await web.inject({
      url: '/newsroom',
      headers: { ...HTML, cookie: client.cookie },
    })
    assert.equal(after.statusCode, 303, 'the old cookie no longer signs in')
  })

  test('every role sees its own navigation; /newsroom/users is admins only, others get the 403 page', async () => {
    for (const role of USER_ROLES) {
      const client = await newsroomClient(web, accounts, role)
      let home = await web.inject({
        url: '/newsroom',
        headers: { ...HTML, cookie: client.cookie },
      })
      if (role === 'moderator') {
        // A moderator's one screen is the moderation desk: the home sends them there.
        assert.equal(home.statusCode, 303)
        assert.equal(home.headers.location, '/newsroom/comments')
        home = await web.inject({
          url: '/newsroom/comments',
          headers: { ...HTML, cookie: client.cookie },
        })
      }
      assert.equal(home.statusCode, 200)
      assert.deepEqual(await htmlProblems(home.body), [], role)
      const doc = parsePage(home.body)
      assert.match(textOf(one(doc, '.nr-user')), new RegExp(`Test ${role}`))
      assert.match(textOf(one(doc, '.nr-role')), new RegExp(role, 'i'))
      const nav = all(doc, 'nav[aria-label="Newsroom"] a').map((a) => textOf(a))
      const users = await web.inject({
        url: '/newsroom/users',
        headers: { ...HTML, cookie: client.cookie },
      })
      if (role === 'admin') {
        assert.ok(nav.includes('Users'), 'admins see Users')
        assert.equal(users.statusCode, 200)
        assert.match(users.body, /ed@example\.org/)
      } else {
        assert.ok(!nav.includes('Users'), `${role} does not see Users`)
        assert.equal(users.statusCode, 403, role)
        assert.equal(users.headers['cache-control'], 'private, no-store')
        const page = parsePage(users.body)
        assert.equal(textOf(one(page, 'h1')), 'You cannot open this page')
        assert.match(textOf(one(page, 'main')), /ACCESS_FORBIDDEN/)
        assert.ok(all(page, '.nr-user').length === 1, 'the 403 page keeps the newsroom shell')
        assert.deepEqual(await htmlProblems(users.body), [])
        const json = await web.inject({
          url: '/newsroom/users',
          headers: { accept: 'application/json', cookie: client.cookie },
        })
        assert.equal(json.statusCode, 403)
        assert.equal(
          (JSON.parse(json.body) as { error: { code: string } }).error.code,
          'ACCESS_FORBIDDEN',
        )
      }
    }
  })

  test('an unknown newsroom address is a private 404 inside the newsroom, never a reader page', async () => {
    const client = await newsroomClient(web, accounts, 'editor')
    const response = await web.inject({
      url: '/newsroom/no/such/screen',
      headers: { ...HTML, cookie: client.cookie },
    })
    assert.equal(response.statusCode, 404)
    assert.equal(response.headers['cache-control'], 'private, no-store')
    assert.ok(parsePage(response.body).querySelector('.nr-user'))
  })

  test('idle sessions end: the next page asks to sign in again', async () => {
    const client = await newsroomClient(web, accounts, 'editor')
    clock.advance(59 * 60_000)
    const ok = await web.inject({ url: '/newsroom', headers: { ...HTML, cookie: client.cookie } })
    assert.equal(ok.statusCode, 200)
    clock.advance(60 * 60_000)
    const gone = await web.inject({
      url: '/newsroom/account',
      headers: { ...HTML, cookie: client.cookie },
    })
    assert.equal(gone.statusCode, 303)
    assert.equal(gone.headers.location, '/newsroom/sign-in?next=%2Fnewsroom%2Faccount')
    assert.match(String(gone.headers['set-cookie']), /Max-Age=0/)
  })

  test('a deactivated user is signed out at once', async () => {
    const client = await newsroomClient(web, accounts, 'author', 'leaving@example.org')
    await accounts.deactivate('leaving@example.org')
    const response = await web.inject({
      url: '/newsroom',
      headers: { ...HTML, cookie: client.cookie },
    })
    assert.equal(response.statusCode, 303)
    const again = await postSignIn(web, 'leaving@example.org', TEST_PASSWORD, { ip: '192.0.2.30' })
    assert.equal(again.statusCode, 401)
  })

  test('password change on the account page ends the other sessions; sign out everywhere ends all', async () => {
    const client = await newsroomClient(web, accounts, 'contributor', 'pw@example.org')
    const laptop = await signIn(web, 'pw@example.org')
    const page = await web.inject({
      url: '/newsroom/account',
      headers: { ...HTML, cookie: client.cookie },
    })
    assert.equal(page.statusCode, 200)
    assert.deepEqual(await htmlProblems(page.body), [])
    const wrong = await postForm(web, client, '/newsroom/account/password', {
      current: 'nope',
      next: 'a new long passphrase',
      confirm: 'a new long passphrase',
    })
    assert.equal(wrong.statusCode, 400)
    assert.match(
      textOf(one(parsePage(wrong.body), '[role="alert"]')),
      /current password is not right/,
    )
    const changed = await postForm(web, client, '/newsroom/account/password', {
      current: TEST_PASSWORD,
      next: 'a new long passphrase',
      confirm: 'a new long passphrase',
    })
    assert.equal(changed.statusCode, 303)
    const here = await web.inject({ url: '/newsroom', headers: { ...HTML, cookie: client.cookie } })
    assert.equal(here.statusCode, 200)
    const there = await web.inject({
      url: '/newsroom',
      headers: { ...HTML, cookie: laptop.cookie },
    })
    assert.equal(there.statusCode, 303)

    const phone = await signIn(web, 'pw@example.org', 'a new long passphrase')
    const everywhere = await postForm(web, client, '/newsroom/account/sign-out-everywhere')
    assert.equal(everywhere.statusCode, 303)
    for (const cookie of [client.cookie, phone.cookie]) {
      const response = await web.inject({ url: '/newsroom', headers: { ...HTML, cookie } })
      assert.equal(response.statusCode, 303)
    }
  })

  test('a reset link sets a new password once and leads back to sign-in', async () => {
    await accounts.addUser({
      email: 'forgot@example.org',
      name: 'Forgot',
      role: 'author',
      password: TEST_PASSWORD,
    })
    const { url } = await accounts.createResetLink('forgot@example.org')
    const path = new URL(url).pathname
    const form = await web.inject({ url: path, headers: HTML })
    assert.equal(form.statusCode, 200)
    assert.deepEqual(await htmlProblems(form.body), [])
    const post = (fields: Record<string, string>) =>
      web.inject({
        method: 'POST',
        url: path,
        headers: {
          ...HTML,
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://127.0.0.1:3000',
        },
        payload: new URLSearchParams(fields).toString(),
      })
    const mismatch = await post({ next: 'fresh passphrase one', confirm: 'fresh passphrase two' })
    assert.equal(mismatch.statusCode, 400)
    const done = await post({ next: 'fresh passphrase one', confirm: 'fresh passphrase one' })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, '/newsroom/sign-in?notice=password-reset')
    const reused = await web.inject({ url: path, headers: HTML })
    assert.equal(reused.statusCode, 400)
    assert.match(reused.body, /does not work any more/)
    assert.equal(
      (await postSignIn(web, 'forgot@example.org', 'fresh passphrase one', { ip: '192.0.2.40' }))
        .statusCode,
      303,
    )

    const ask = await web.inject({
      method: 'POST',
      url: '/newsroom/forgot-password',
      headers: {
        ...HTML,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://127.0.0.1:3000',
      },
      payload: 'email=nobody%40example.org',
    })
    assert.equal(ask.statusCode, 200)
    assert.match(ask.body, /If an active account uses that address/)
  })
})
