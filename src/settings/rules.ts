/** Pure rules for each site setting: what a valid value is. */

import type { CommentsModeSetting } from '../config.js'
import { settingInvalid } from './errors.js'

/** The settings an admin may change; each overrides the configuration default of the same name. */
export interface SiteSettings {
  /** The site's name (page titles, the masthead, feeds). */
  readonly siteName: string
  /** The site's BCP 47 language tag (`<html lang>`, dates). */
  readonly language: string
  /** The comment mode of stories that have none of their own. */
  readonly commentsMode: CommentsModeSetting
  /** Authors may publish their own stories without review. */
  readonly authorsMayPublish: boolean
  /** The site's logo (a photo in the library, with its renditions); null: the name is shown. */
  readonly logo: SiteLogo | null
}

/**
 * The logo as the settings keep it: which photo, and what every reader of the setting needs to
 * name its renditions without a query (the storage key and the upright size).
 */
export interface SiteLogo {
  readonly photoId: number
  readonly storageKey: string
  readonly width: number
  readonly height: number
}

export const SITE_NAME_MAX_LENGTH = 80
export const COMMENT_MODES: readonly CommentsModeSetting[] = ['open', 'premoderated', 'closed']
// The same rule as MASTHEAD_SITE_LANGUAGE, so a saved value is one the config would accept.
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/
// Media storage keys as media/storage-keys.ts makes them (`2026/12/abc123def456`).
const STORAGE_KEY = /^[a-z0-9]+(?:\/[a-z0-9]+)*$/
const MAX_ID = 2_147_483_647

/** The row key each setting is stored under in site_settings. */
export const SETTING_KEYS: { readonly [K in keyof SiteSettings]: string } = {
  siteName: 'site.name',
  language: 'site.language',
  commentsMode: 'comments.mode',
  authorsMayPublish: 'newsroom.authorsMayPublish',
  logo: 'site.logo',
}

/** `changes` checked and normalized (names trimmed); throws SETTING_INVALID on the first bad one. */
export function checkSettings(changes: Partial<SiteSettings>): Partial<SiteSettings> {
  const out: { -readonly [K in keyof SiteSettings]?: SiteSettings[K] } = {}
  if (changes.siteName !== undefined) {
    const name = changes.siteName.trim()
    if (name === '' || [...name].length > SITE_NAME_MAX_LENGTH)
      throw settingInvalid('siteName', `A site name has 1 to ${SITE_NAME_MAX_LENGTH} characters.`)
    out.siteName = name
  }
  if (changes.language !== undefined) {
    const language = changes.language.trim()
    if (language.length > 35 || !LANGUAGE.test(language))
      throw settingInvalid('language', 'A language is a tag such as en, en-GB or pt-BR.')
    out.language = language
  }
  if (changes.commentsMode !== undefined) {
    if (!COMMENT_MODES.includes(changes.commentsMode))
      throw settingInvalid('commentsMode', 'The comment mode is open, premoderated or closed.')
    out.commentsMode = changes.commentsMode
  }
  if (changes.authorsMayPublish !== undefined) {
    if (typeof changes.authorsMayPublish !== 'boolean')
      throw settingInvalid('authorsMayPublish', 'Authors may publish, or not.')
    out.authorsMayPublish = changes.authorsMayPublish
  }
  if (changes.logo !== undefined) out.logo = checkLogo(changes.logo)
  return out
}

/** A logo descriptor checked field by field (it may come from a hand-edited row). */
function checkLogo(logo: SiteLogo | null): SiteLogo | null {
  if (logo === null) return null
  const whole = (value: unknown): value is number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_ID
  if (
    typeof logo !== 'object' ||
    !whole(logo.photoId) ||
    !whole(logo.width) ||
    !whole(logo.height) ||
    typeof logo.storageKey !== 'string' ||
    logo.storageKey.length > 200 ||
    !STORAGE_KEY.test(logo.storageKey)
  )
    throw settingInvalid('logo', 'The logo is not a stored photo.')
  const { photoId, storageKey, width, height } = logo
  return { photoId, storageKey, width, height }
}

/**
 * `defaults` with every stored row that is still valid laid over it; a row that no longer
 * passes its rule (hand-edited, or from a later version) is ignored, never fatal.
 */
export function mergeStored(
  defaults: SiteSettings,
  rows: readonly { key: string; value: string }[],
): SiteSettings {
  const byKey = new Map(rows.map((row) => [row.key, row.value]))
  let merged: SiteSettings = defaults
  for (const field of Object.keys(SETTING_KEYS) as (keyof SiteSettings)[]) {
    const raw = byKey.get(SETTING_KEYS[field])
    if (raw === undefined) continue
    try {
      merged = { ...merged, ...checkSettings({ [field]: JSON.parse(raw) as never }) }
    } catch {
      // Kept at the default: see above.
    }
  }
  return merged
}
