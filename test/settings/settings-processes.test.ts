/**
 * Two Masthead service instances on one PostgreSQL database share the LISTEN/NOTIFY bus: a
 * settings or section change made in one reaches the other's memory and purges its page cache
 * within a second, with no restart.
 */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type AppServices, buildServices, buildWeb, closeApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { createPostgresTestDatabase } from '../helpers/databases.js'
import { parsePage as parseHtml } from '../helpers/html.js'
import { TEST_HASH_COST } from '../helpers/build-test-app.js'
import { testImage } from '../helpers/test-images.js'

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'
const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

interface Instance {
  services: AppServices
  web: FastifyInstance
}

/** The front page as a reader's browser gets it. */
async function front(instance: Instance): Promise<{ html: string }> {
  const response = await instance.web.inject({ url: '/', headers: { 'user-agent': BROWSER } })
  assert.equal(response.statusCode, 200)
  return { html: response.body }
}

/** The section navigation's link texts on the front page. */
async function navOf(instance: Instance): Promise<string[]> {
  const document = parseHtml((await front(instance)).html)
  const nav = document.querySelector('nav[aria-label="Sections"]')
  return [...(nav?.querySelectorAll('a') ?? [])].map((a) => a.textContent.trim())
}

/** Polls `check` until it holds; resolves with the milliseconds it took (fails after 5 s). */
async function until(check: () => Promise<boolean>, what: string): Promise<number> {
  const started = Date.now()
  for (;;) {
    if (await check()) return Date.now() - started
    if (Date.now() - started > 5000) throw new Error(`${what}: not within 5 s`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('settings and sections across processes [postgres]', { skip: pgSkip }, () => {
  test('a change in one process reaches the other within a second, pages purged', async (t) => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    const database = await createPostgresTestDatabase(pgUrl)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-settings-bus-'))
    const instances: Instance[] = []
    try {
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
      const env = {
        MASTHEAD_DATABASE_URL: url.href,
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
        MASTHEAD_LOG_LEVEL: 'silent',
        MASTHEAD_SITE_URL: 'http://127.0.0.1:3000',
        MASTHEAD_SITE_NAME: 'The Harbour Ledger',
        MASTHEAD_BUS: 'auto',
      }
      for (let i = 0; i < 2; i++) {
        const services = await buildServices(parseConfig(env, dir), { hashCost: TEST_HASH_COST })
        instances.push({ services, web: await buildWeb(services) })
      }
      const [a, b] = instances
      if (a === undefined || b === undefined) throw new Error('instances were not built')
      for (const { services } of instances) {
        const bus = services.bus as { ready?: () => Promise<void> }
        assert.equal(typeof bus.ready, 'function', 'the PostgreSQL bus is in use')
        await bus.ready?.()
      }
      await a.services.newsroom.addSection('Asia')
      await a.services.newsroom.addSection('World')
      await until(async () => (await navOf(b)).join() === 'Asia,World', 'sections on B')

      // B has its front page in its cache; a change written behind the bus stays unseen there
      // (neither its settings nor its cached page follow the database on their own).
      await front(b)
      await database.handle.db
        .insertInto('site_settings')
        .values({
          key: 'site.name',
          value: JSON.stringify('Written Behind The Bus'),
          updated_at: new Date().toISOString(),
          updated_by: null,
        })
        .execute()
      await new Promise((resolve) => setTimeout(resolve, 200))
      assert.ok(!(await front(b)).html.includes('Written Behind The Bus'))

      // The site name and language changed on A: B reloads its settings and purges its pages.
      await a.services.settings.update({ siteName: 'The Quay Courier', language: 'fr' }, null)
      const tookName = await until(async () => {
        const document = parseHtml((await front(b)).html)
        return (
          document.querySelector('title')?.textContent === 'The Quay Courier' &&
          document.documentElement.getAttribute('lang') === 'fr'
        )
      }, 'the new name and language on B')
      assert.ok(tookName < 1000, `B showed the new name after ${tookName} ms`)
      assert.equal(b.services.settings.current().siteName, 'The Quay Courier')
      t.diagnostic(`a settings change on A showed on B after ${tookName} ms`)

      // A logo uploaded on A (photos are shared storage) is in B's masthead.
      const { user } = await a.services.accounts.addUser({
        email: 'logo-admin@example.org',
        name: 'Logo Admin',
        role: 'admin',
      })
      const logoPath = path.join(dir, 'logo.png')
      fs.writeFileSync(logoPath, await testImage('png', { width: 400, height: 100 }))
      const photo = await a.services.media.uploadLogo(
        { userId: user.id, role: 'admin', name: user.name },
        { path: logoPath, declaredType: 'image/png', filename: 'logo.png' },
      )
      const { id: photoId, storageKey, width, height } = photo
      await front(b)
      await a.services.settings.update({ logo: { photoId, storageKey, width, height } }, user.id)
      const tookLogo = await until(async () => {
        const logo = parseHtml((await front(b)).html).querySelector('h1 img.masthead-logo')
        return logo?.getAttribute('src') === `/media/${storageKey}-logo-header.png`
      }, 'the logo on B')
      assert.ok(tookLogo < 1000, `B showed the logo after ${tookLogo} ms`)
      const file = await b.web.inject({ url: `/media/${storageKey}-logo-header.png` })
      assert.equal(file.statusCode, 200)
      t.diagnostic(`a logo set on A showed on B after ${tookLogo} ms`)

      // Sections: added, renamed and reordered on A, each seen in B's navigation.
      const steps: [string, () => Promise<unknown>, string][] = [
        ['added', () => a.services.newsroom.addSection('Business'), 'Asia,World,Business'],
        [
          'renamed',
          async () => {
            const world = await a.services.newsroom.getSection('world')
            await a.services.newsroom.renameSection(world?.id ?? 0, 'The World', 'the-world')
          },
          'Asia,The World,Business',
        ],
        [
          'moved',
          async () => {
            const business = await a.services.newsroom.getSection('business')
            await a.services.newsroom.moveSection(business?.id ?? 0, 'up')
          },
          'Asia,Business,The World',
        ],
      ]
      for (const [what, change, expected] of steps) {
        await front(b) // cached again before the change
        await change()
        const took = await until(
          async () => (await navOf(b)).join() === expected,
          `a section ${what}`,
        )
        assert.ok(took < 1000, `a section ${what} on A showed on B after ${took} ms`)
        t.diagnostic(`a section ${what} on A showed on B after ${took} ms`)
      }
      // B's own list (used by feeds, the API and the section routes) is the new one too.
      assert.equal((await b.services.newsroom.getSection('the-world'))?.name, 'The World')
      const redirected = await b.web.inject({ url: '/world', headers: { 'user-agent': BROWSER } })
      assert.equal(redirected.statusCode, 301)
      assert.equal(redirected.headers.location, '/the-world')
    } finally {
      for (const instance of instances) await closeApp(instance)
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
