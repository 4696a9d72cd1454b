/**
 * The HTTP requests that purge pages by tag at a CDN: Fastly's batch purge by surrogate key,
 * Cloudflare's purge_cache by tag (or everything), or a webhook's {"tags":[…]}. Pure: no I/O.
 */

import type { CdnPurgeConfig } from '../../config.js'

/** A configured purge provider (MASTHEAD_CDN_PURGE other than none). */
export type PurgeTarget = Exclude<CdnPurgeConfig, { provider: 'none' }>

/** What to drop at the CDN: pages with any of these tags, or every page. */
export type Purge = { readonly tags: readonly string[] } | { readonly everything: true }

export interface PurgeRequest {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /** The JSON body (undefined: Fastly takes its keys in a header). */
  readonly body: string | undefined
  /** The tags this request purges, for logs ('*' for a whole-site purge). */
  readonly tags: readonly string[]
}

/**
 * Tags per request: Fastly's batch purge takes up to 256 surrogate keys, Cloudflare 100 purge
 * operations per call (every plan, 2026); a webhook's receiver gets fewer, larger requests.
 */
export const TAGS_PER_REQUEST: Readonly<Record<PurgeTarget['provider'], number>> = {
  fastly: 256,
  cloudflare: 100,
  webhook: 500,
}

/**
 * The POST requests that carry out `purge` at `target`. A whole-site purge is Cloudflare's
 * purge_everything, and elsewhere a purge of `siteTag`, which every page carries (assets and
 * photos, named by their content, stay cached).
 * @example purgeRequests(config.cdn.purge, { tags: ['article:42', 'front'] }, 'masthead')
 */
export function purgeRequests(target: PurgeTarget, purge: Purge, siteTag: string): PurgeRequest[] {
  if ('everything' in purge) {
    if (target.provider === 'cloudflare')
      return [cloudflare(target, { purge_everything: true }, ['*'])]
    return [forTags(target, [siteTag])]
  }
  const size = TAGS_PER_REQUEST[target.provider]
  const requests: PurgeRequest[] = []
  for (let i = 0; i < purge.tags.length; i += size)
    requests.push(forTags(target, purge.tags.slice(i, i + size)))
  return requests
}

function forTags(target: PurgeTarget, tags: readonly string[]): PurgeRequest {
  switch (target.provider) {
    case 'fastly':
      return {
        url: `${target.apiUrl}/service/${encodeURIComponent(target.serviceId)}/purge`,
        headers: {
          'fastly-key': target.token,
          'surrogate-key': tags.join(' '),
          accept: 'application/json',
        },
        body: undefined,
        tags,
      }
    case 'cloudflare':
      return cloudflare(target, { tags }, tags)
    case 'webhook':
      return {
        url: target.url,
        headers: {
          'content-type': 'application/json',
          ...(target.token === undefined ? {} : { authorization: `Bearer ${target.token}` }),
        },
        body: JSON.stringify({ tags }),
        tags,
      }
  }
}

function cloudflare(
  target: Extract<PurgeTarget, { provider: 'cloudflare' }>,
  body: { tags: readonly string[] } | { purge_everything: true },
  tags: readonly string[],
): PurgeRequest {
  return {
    url: `${target.apiUrl}/zones/${encodeURIComponent(target.zoneId)}/purge_cache`,
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    tags,
  }
}
