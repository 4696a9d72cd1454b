/** The settings service on every database: defaults, checked updates, the bus event, refresh across processes. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createAccounts } from '../../src/accounts/index.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createSettings, type SiteSettings } from '../../src/settings/index.js'
import { TEST_HASH_COST } from '../helpers/build-test-app.js'
import { forEachDatabase } from '../helpers/databases.js'

const DEFAULTS: SiteSettings = {
  siteName: 'The Harbour Ledger',
  language: 'en',
  commentsMode: 'open',
  authorsMayPublish: false,
  logo: null,
}

forEachDatabase('site settings', (t) => {
  const clock = createFixedClock(new Date('2026-12-04T09:00:00.000Z'))
  const bus = createInProcessBus({ onHandlerError: () => {} })
  const build = (on = bus) =>
    createSettings({ db: t.handle.db, clock, bus: on, defaults: DEFAULTS })

  test('with nothing stored the configuration defaults are in force', async () => {
    const settings = build()
    assert.deepEqual(await settings.load(), DEFAULTS)
    assert.deepEqual(settings.current(), DEFAULTS)
  })

  test('an update is checked, stored with who made it, announced, and read back', async () => {
    const { user } = await createAccounts({
      db: t.handle.db,
      clock,
      hashCost: TEST_HASH_COST,
    }).addUser({ email: 'settings-admin@example.org', name: 'Admin', role: 'admin' })
    const settings = build()
    await settings.load()
    const heard: string[][] = []
    const unsubscribe = bus.subscribe('settings.changed', async ({ keys }) => {
      heard.push(keys)
    })
    const saved = await settings.update(
      { siteName: '  The Quay Courier ', commentsMode: 'premoderated' },
      user.id,
    )
    unsubscribe()
    assert.equal(saved.siteName, 'The Quay Courier', 'trimmed')
    assert.equal(saved.commentsMode, 'premoderated')
    assert.equal(saved.language, 'en', 'untouched settings keep their default')
    assert.deepEqual(heard, [['siteName', 'commentsMode']])
    const row = await t.handle.db
      .selectFrom('site_settings')
      .selectAll()
      .where('key', '=', 'site.name')
      .executeTakeFirstOrThrow()
    assert.equal(row.value, '"The Quay Courier"')
    assert.equal(row.updated_by, user.id)
    await assert.rejects(settings.update({ language: 'English' }, null), {
      code: 'SETTING_INVALID',
    })
    await assert.rejects(settings.update({ siteName: 'x'.repeat(81) }, null), {
      code: 'SETTING_INVALID',
    })
    assert.equal(settings.current().language, 'en')
  })

  test('a settings.changed event from another process reloads the copy at once', async () => {
    const here = build(createInProcessBus({ onHandlerError: () => {} }))
    const thereBus = createInProcessBus({ onHandlerError: () => {} })
    const there = build(thereBus)
    await here.load()
    await there.load()
    await here.update({ language: 'en-GB' }, null)
    assert.equal(there.current().language, 'en', 'not told yet')
    // What the shared bus delivers when another process published the event.
    await thereBus.deliverRemote('settings.changed', { keys: ['language'] })
    assert.equal(there.current().language, 'en-GB')
    await here.update({ language: 'en' }, null)
    await thereBus.signalGap()
    assert.equal(there.current().language, 'en', 'a gap in the bus reloads too')
  })

  test('without an event, another process sees a change once its copy is older than the refresh time', async () => {
    // Two buses that do not talk: the background refresh is the safety net.
    const here = build(createInProcessBus({ onHandlerError: () => {} }))
    const there = build(createInProcessBus({ onHandlerError: () => {} }))
    await here.load()
    await there.load()
    await here.update({ authorsMayPublish: true }, null)
    assert.equal(there.current().authorsMayPublish, false, 'still the copy it has')
    clock.advance(31_000)
    there.current() // starts the background reload
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal(there.current().authorsMayPublish, true)
  })

  test('a stored value that breaks its rule is ignored, never fatal', async () => {
    await t.handle.db
      .updateTable('site_settings')
      .set({ value: '"not a mode"' })
      .where('key', '=', 'comments.mode')
      .execute()
    const settings = build()
    const loaded = await settings.load()
    assert.equal(loaded.commentsMode, DEFAULTS.commentsMode)
    assert.equal(loaded.siteName, 'The Quay Courier')
  })
})
