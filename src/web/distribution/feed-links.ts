/** Feed autodiscovery: the `<link rel="alternate">` entries for the feeds a page has of its own. */

import type { FeedFormat, FeedScope } from '../../distribution/index.js'
import type { FeedLink } from '../render/layout.js'
import { feedPath } from './distribution-links.js'

const FORMATS: readonly { format: FeedFormat; type: string; label: string }[] = [
  { format: 'rss', type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', type: 'application/feed+json', label: 'JSON Feed' },
]

/**
 * The site's feeds, then (for a section, author or tag page, or a story in a section) that
 * scope's feeds, each in the three formats, titled for a reader's feed list.
 * @example feedLinks('The Ledger', { kind: 'section', slug: 'asia', name: 'Asia' })
 */
export function feedLinks(
  siteName: string,
  scope?: Exclude<FeedScope, { kind: 'site' }> & { name: string },
): FeedLink[] {
  const site = FORMATS.map(({ format, type, label }) => ({
    href: feedPath({ kind: 'site' }, format),
    type,
    title: `${siteName} (${label})`,
  }))
  if (scope === undefined) return site
  return [
    ...site,
    ...FORMATS.map(({ format, type, label }) => ({
      href: feedPath(scope, format),
      type,
      title: `${scope.name} — ${siteName} (${label})`,
    })),
  ]
}
