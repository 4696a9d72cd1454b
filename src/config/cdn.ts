/** A CDN in front (MASTHEAD_CDN_*): edge lifetimes, the cache-tag header, and who purges by tag. */

import { ConfigError, integer } from './values.js'

/** Every variable this module reads (config.ts lists them with the rest). */
export const CDN_VARIABLES = [
  'MASTHEAD_CDN_S_MAXAGE',
  'MASTHEAD_CDN_STALE_WHILE_REVALIDATE',
  'MASTHEAD_CDN_STALE_IF_ERROR',
  'MASTHEAD_CDN_TAG_HEADER',
  'MASTHEAD_CDN_PURGE',
  'MASTHEAD_CDN_PURGE_URL',
  'MASTHEAD_CDN_FASTLY_SERVICE_ID',
  'MASTHEAD_CDN_FASTLY_API_TOKEN',
  'MASTHEAD_CDN_CLOUDFLARE_ZONE_ID',
  'MASTHEAD_CDN_CLOUDFLARE_API_TOKEN',
  'MASTHEAD_CDN_WEBHOOK_TOKEN',
] as const

type Read = (name: (typeof CDN_VARIABLES)[number]) => string | undefined

/** The header(s) carrying a page's cache tags: Fastly's Surrogate-Key, Cloudflare's Cache-Tag. */
export type CdnTagHeader = 'surrogate-key' | 'cache-tag' | 'both' | 'none'

/** Where purges by tag are sent (with what each provider needs), or nowhere. */
export type CdnPurgeConfig =
  | { readonly provider: 'none' }
  | {
      readonly provider: 'fastly'
      /** The API's origin (https://api.fastly.com unless MASTHEAD_CDN_PURGE_URL says otherwise). */
      readonly apiUrl: string
      readonly serviceId: string
      readonly token: string
    }
  | {
      readonly provider: 'cloudflare'
      /** The API's base (https://api.cloudflare.com/client/v4 unless MASTHEAD_CDN_PURGE_URL). */
      readonly apiUrl: string
      readonly zoneId: string
      readonly token: string
    }
  | {
      readonly provider: 'webhook'
      /** Where {"tags":[…]} is POSTed. */
      readonly url: string
      /** Sent as `Authorization: Bearer …` when set. */
      readonly token: string | undefined
    }

export type CdnPurgeProvider = CdnPurgeConfig['provider']

/** How pages are offered to a CDN and how it is told what changed. */
export interface CdnConfig {
  /** Seconds a shared cache may keep a page (`s-maxage`); 0 = not sent (browsers' 60 s rules). */
  readonly sMaxAge: number
  /** Seconds a stale page may be served while the CDN fetches a new one (0 = not sent). */
  readonly staleWhileRevalidate: number
  /** Seconds a stale page may be served while Masthead answers errors (0 = not sent). */
  readonly staleIfError: number
  /** The tag header pages carry (`auto` resolved: the purge provider's own). */
  readonly tagHeader: CdnTagHeader
  readonly purge: CdnPurgeConfig
}

/** No CDN settings: pages as before (`public, max-age=60`, no tag header), no purges. */
export const DEFAULT_CDN: CdnConfig = Object.freeze({
  sMaxAge: 0,
  staleWhileRevalidate: 0,
  staleIfError: 0,
  tagHeader: 'none',
  purge: Object.freeze({ provider: 'none' }),
})

const PROVIDERS = ['none', 'fastly', 'cloudflare', 'webhook'] as const
const TAG_HEADERS = ['auto', 'surrogate-key', 'cache-tag', 'both', 'none'] as const
/** A year: longer edge lifetimes are refused as typos. */
const MAX_SECONDS = 31_536_000
/** The header each provider purges by (auto); a webhook's receiver may serve any CDN: both. */
const PROVIDER_TAG_HEADER: Record<CdnPurgeProvider, CdnTagHeader> = {
  none: 'none',
  fastly: 'surrogate-key',
  cloudflare: 'cache-tag',
  webhook: 'both',
}
const FASTLY_API = 'https://api.fastly.com'
const CLOUDFLARE_API = 'https://api.cloudflare.com/client/v4'
/** An API token as it may go into a header: printable ASCII, no spaces. */
const TOKEN = /^[\x21-\x7e]{8,512}$/
const FASTLY_SERVICE_ID = /^[A-Za-z0-9]{8,64}$/
const CLOUDFLARE_ZONE_ID = /^[0-9a-f]{32}$/

/** Reads and checks the MASTHEAD_CDN_* variables. */
export function cdnConfig(read: Read): CdnConfig {
  const seconds = (name: Parameters<Read>[0]): number =>
    integer(name, read(name), 0, 0, MAX_SECONDS)
  const sMaxAge = seconds('MASTHEAD_CDN_S_MAXAGE')
  const staleWhileRevalidate = seconds('MASTHEAD_CDN_STALE_WHILE_REVALIDATE')
  const staleIfError = seconds('MASTHEAD_CDN_STALE_IF_ERROR')
  // Without s-maxage these would reach browsers alone and stretch their 60 s: refused, not ignored.
  for (const [name, value] of [
    ['MASTHEAD_CDN_STALE_WHILE_REVALIDATE', staleWhileRevalidate],
    ['MASTHEAD_CDN_STALE_IF_ERROR', staleIfError],
  ] as const) {
    if (value > 0 && sMaxAge === 0)
      throw new ConfigError(name, '0 while MASTHEAD_CDN_S_MAXAGE is 0 (unset)', String(value))
  }
  const purge = purgeConfig(read)
  const tagSetting = read('MASTHEAD_CDN_TAG_HEADER')?.toLowerCase() ?? 'auto'
  if (!(TAG_HEADERS as readonly string[]).includes(tagSetting))
    throw new ConfigError('MASTHEAD_CDN_TAG_HEADER', TAG_HEADERS.join(', '), tagSetting)
  const tagHeader =
    tagSetting === 'auto' ? PROVIDER_TAG_HEADER[purge.provider] : (tagSetting as CdnTagHeader)
  return { sMaxAge, staleWhileRevalidate, staleIfError, tagHeader, purge }
}

/** MASTHEAD_CDN_PURGE and the credentials its provider needs (tokens never echoed in errors). */
function purgeConfig(read: Read): CdnPurgeConfig {
  const provider = read('MASTHEAD_CDN_PURGE')?.toLowerCase() ?? 'none'
  if (!(PROVIDERS as readonly string[]).includes(provider))
    throw new ConfigError('MASTHEAD_CDN_PURGE', PROVIDERS.join(', '), provider)
  const needed = (name: Parameters<Read>[0], pattern: RegExp, expected: string): string => {
    const value = read(name)
    if (value === undefined)
      throw new ConfigError(name, `${expected} (required by MASTHEAD_CDN_PURGE=${provider})`, '')
    // Tokens are secrets: the error names the variable, never the value.
    if (!pattern.test(value))
      throw new ConfigError(name, expected, name.endsWith('_ID') ? value : '?')
    return value
  }
  const token = (name: Parameters<Read>[0]): string =>
    needed(name, TOKEN, 'an API token (8 to 512 printable characters, no spaces)')
  switch (provider) {
    case 'fastly':
      return {
        provider,
        apiUrl: purgeUrl(read, FASTLY_API).replace(/\/+$/, ''),
        serviceId: needed(
          'MASTHEAD_CDN_FASTLY_SERVICE_ID',
          FASTLY_SERVICE_ID,
          'a Fastly service id (8 to 64 letters and digits)',
        ),
        token: token('MASTHEAD_CDN_FASTLY_API_TOKEN'),
      }
    case 'cloudflare':
      return {
        provider,
        apiUrl: purgeUrl(read, CLOUDFLARE_API).replace(/\/+$/, ''),
        zoneId: needed(
          'MASTHEAD_CDN_CLOUDFLARE_ZONE_ID',
          CLOUDFLARE_ZONE_ID,
          'a Cloudflare zone id (32 lowercase hexadecimal digits)',
        ),
        token: token('MASTHEAD_CDN_CLOUDFLARE_API_TOKEN'),
      }
    case 'webhook': {
      const url = purgeUrl(read, undefined)
      const bearer = read('MASTHEAD_CDN_WEBHOOK_TOKEN')
      return {
        provider,
        url,
        token: bearer === undefined ? undefined : token('MASTHEAD_CDN_WEBHOOK_TOKEN'),
      }
    }
    default:
      return { provider: 'none' }
  }
}

/**
 * MASTHEAD_CDN_PURGE_URL: the webhook's address, or another base for a provider's API (a proxy,
 * a test's fake). https only, but for this machine: purges carry a token.
 */
function purgeUrl(read: Read, fallback: string | undefined): string {
  const name = 'MASTHEAD_CDN_PURGE_URL'
  const raw = read(name)
  if (raw === undefined) {
    if (fallback !== undefined) return fallback
    throw new ConfigError(name, 'the webhook URL (required by MASTHEAD_CDN_PURGE=webhook)', '')
  }
  const expected = 'an https:// URL (http:// only to localhost, 127.0.0.1 or [::1])'
  if (!URL.canParse(raw)) throw new ConfigError(name, expected, raw)
  const parsed = new URL(raw)
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local))
    throw new ConfigError(name, expected, raw)
  if (parsed.username !== '' || parsed.password !== '')
    throw new ConfigError(name, `${expected} without user:password (use the token variable)`, '?')
  return raw
}
