/**
 * Site settings an admin changes in the newsroom (site name, logo, language, default comment
 * mode, whether authors may publish). Each overrides its configuration default. Reads are
 * synchronous from memory, so hot paths (every page's layout) cost nothing. The copy is reloaded
 * after a change here, on every `settings.changed` event (other processes' changes arrive over a
 * shared bus within milliseconds) and after a bus gap, and as a safety net in the background once
 * it is older than `refreshMs`.
 */

import type { Db } from '../db/database.js'
import { toDbTime } from '../db/time-codec.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import {
  checkSettings,
  mergeStored,
  SETTING_KEYS,
  type SiteLogo,
  type SiteSettings,
} from './rules.js'

export type { SiteLogo, SiteSettings }
export { COMMENT_MODES, SITE_NAME_MAX_LENGTH } from './rules.js'
export { settingInvalid } from './errors.js'

/** The settings service. */
export interface Settings {
  /** The settings now in force (from memory; call `load` once first). */
  current(): SiteSettings
  /** The configuration's values, which a setting overrides. */
  readonly defaults: SiteSettings
  /** Reads the stored settings now; resolves with what is in force. */
  load(): Promise<SiteSettings>
  /** Checks and saves `changes` as `byUserId`; publishes settings.changed; resolves with the result. */
  update(changes: Partial<SiteSettings>, byUserId: number | null): Promise<SiteSettings>
}

/** Default age after which another process's change is picked up. */
const REFRESH_MS = 30_000

/**
 * Builds the settings service over `defaults` (from the configuration).
 * @example const settings = createSettings({ db, clock, bus, defaults }); await settings.load()
 */
export function createSettings(deps: {
  db: Db
  clock: Clock
  bus: Bus
  defaults: SiteSettings
  refreshMs?: number
  /** Told when a background refresh fails (the old values stay in force). */
  onRefreshError?: (error: unknown) => void
}): Settings {
  const { db, clock, bus, defaults } = deps
  const refreshMs = deps.refreshMs ?? REFRESH_MS
  let values = defaults
  let loadedAt = Number.NEGATIVE_INFINITY
  let refreshing: Promise<SiteSettings> | undefined

  const load = async (): Promise<SiteSettings> => {
    const rows = await db.selectFrom('site_settings').select(['key', 'value']).execute()
    values = mergeStored(defaults, rows)
    loadedAt = clock.nowMs()
    return values
  }
  const reload = async (): Promise<void> => {
    await load()
  }
  // Subscribed when the service is built, before the web layer's page cache: handlers run in
  // turn, so a process has the new values before it purges its pages, and no request in
  // between can cache a page with the old name.
  bus.subscribe('settings.changed', reload)
  bus.onGap(reload)

  return {
    defaults,
    current: () => {
      if (clock.nowMs() - loadedAt > refreshMs && refreshing === undefined) {
        refreshing = load()
          .catch((error: unknown) => {
            deps.onRefreshError?.(error)
            return values
          })
          .finally(() => {
            refreshing = undefined
          })
      }
      return values
    },
    load,
    update: async (changes, byUserId) => {
      const checked = checkSettings(changes)
      const now = toDbTime(clock.now())
      await db.transaction().execute(async (trx) => {
        for (const field of Object.keys(checked) as (keyof SiteSettings)[]) {
          const row = {
            value: JSON.stringify(checked[field]),
            updated_at: now,
            updated_by: byUserId,
          }
          await trx
            .insertInto('site_settings')
            .values({ key: SETTING_KEYS[field], ...row })
            .onConflict((oc) => oc.column('key').doUpdateSet(row))
            .execute()
        }
      })
      const result = await load()
      await bus.publish('settings.changed', { keys: Object.keys(checked) })
      return result
    },
  }
}
