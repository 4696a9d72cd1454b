/** Feeds, robots.txt and share links (MASTHEAD_FEED_*, MASTHEAD_ROBOTS_*, MASTHEAD_SHARE_*). */

import { ConfigError } from './values.js'

/** Every variable this module reads (config.ts lists them with the rest). */
export const DISTRIBUTION_VARIABLES = [
  'MASTHEAD_FEED_CONTENT',
  'MASTHEAD_ROBOTS_DISALLOW',
  'MASTHEAD_SHARE_UTM_MEDIUM',
  'MASTHEAD_SHARE_UTM_CAMPAIGN',
] as const

type Read = (name: (typeof DISTRIBUTION_VARIABLES)[number]) => string | undefined

/** How feeds, robots.txt and share links behave. */
export interface DistributionConfig {
  /** 'full': feed items carry the whole story; 'excerpt': the dek only (readers click through). */
  readonly feedContent: 'full' | 'excerpt'
  /** Path prefixes robots.txt asks every crawler to leave alone. */
  readonly robotsDisallow: readonly string[]
  /** Campaign parameters share links carry (utm_source names the network); null: clean links. */
  readonly shareUtm: { readonly medium: string; readonly campaign: string } | null
}

/** The distribution settings with no variable set: full-text feeds, no disallow rules, clean links. */
export const DEFAULT_DISTRIBUTION: DistributionConfig = Object.freeze({
  feedContent: 'full',
  robotsDisallow: [],
  shareUtm: null,
})

/** A robots.txt path rule: starts with `/`, no spaces, control characters or `#`. */
const ROBOTS_PATH = /^\/[^\s#\p{Cc}]*$/u
/** A campaign value as it may appear in a URL without surprises. */
const UTM_VALUE = /^[A-Za-z0-9._~-]{1,60}$/

/** Reads and checks the feed, robots and share-link variables. */
export function distributionConfig(read: Read): DistributionConfig {
  const feedContent = read('MASTHEAD_FEED_CONTENT') ?? DEFAULT_DISTRIBUTION.feedContent
  if (feedContent !== 'full' && feedContent !== 'excerpt')
    throw new ConfigError('MASTHEAD_FEED_CONTENT', 'full or excerpt', feedContent)
  const disallow = read('MASTHEAD_ROBOTS_DISALLOW') ?? ''
  const rules = [...new Set(disallow.split(',').map((rule) => rule.trim()))].filter(Boolean)
  if (!rules.every((rule) => ROBOTS_PATH.test(rule)))
    throw new ConfigError(
      'MASTHEAD_ROBOTS_DISALLOW',
      'comma-separated paths such as /print/',
      disallow,
    )
  const utm = (name: Parameters<Read>[0]): string | undefined => {
    const value = read(name)
    if (value !== undefined && !UTM_VALUE.test(value))
      throw new ConfigError(name, 'at most 60 letters, digits, ".", "_", "~" or "-"', value)
    return value
  }
  const medium = utm('MASTHEAD_SHARE_UTM_MEDIUM')
  const campaign = utm('MASTHEAD_SHARE_UTM_CAMPAIGN')
  const shareUtm =
    medium === undefined && campaign === undefined
      ? null
      : { medium: medium ?? 'social', campaign: campaign ?? '' }
  return { feedContent, robotsDisallow: rules, shareUtm }
}
