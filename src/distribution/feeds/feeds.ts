/** The feed service: resolves a scope, reads its newest stories once and renders the asked format. */

import type { DistributionConfig } from '../../config.js'
import type { ArticleListFilter, Newsroom } from '../../newsroom/index.js'
import type { FeedFormat, FeedScope, SiteIdentity, SiteLinks } from '../links.js'
import { renderAtom } from './atom.js'
import { feedChannel, type ResolvedScope } from './feed-model.js'
import { renderJsonFeed } from './json-feed.js'
import { renderRss } from './rss.js'

/** Stories in every feed. */
export const FEED_LENGTH = 50

/** Each format's media type. */
export const FEED_CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

/** A rendered feed and what a cache needs to know about it. */
export interface FeedDocument {
  body: string
  contentType: string
  /** The newest change among its stories; null for an empty feed. */
  lastModified: Date | null
  /** What the feed is about (its id picks the cache tag that a change purges). */
  scope: ResolvedScope
}

export interface FeedDeps {
  newsroom: Newsroom
  /** The size in bytes of a stored file by its public `/media/…` path; undefined when absent. */
  fileSize: (publicPath: string) => Promise<number | undefined>
  site: SiteIdentity
  links: SiteLinks
  settings: Pick<DistributionConfig, 'feedContent'>
}

/** Creates `feed(scope, format)`: undefined when the section, author or tag does not exist. */
export function createFeeds({ newsroom, fileSize, site, links, settings }: FeedDeps) {
  return async (scope: FeedScope, format: FeedFormat): Promise<FeedDocument | undefined> => {
    const resolved = await resolveScope(newsroom, site, scope)
    if (resolved === undefined) return undefined
    const stories = await newsroom.listings.feedStories(
      resolved.filter,
      FEED_LENGTH,
      settings.feedContent === 'full',
    )
    const channel = feedChannel(site, links, resolved.scope, stories)
    // RSS requires an enclosure's length in bytes: one stat per photo (50 at most per feed).
    await Promise.all(
      channel.items.map(async ({ image }) => {
        if (image !== null) image.bytes = (await fileSize(image.path)) ?? null
      }),
    )
    const render = format === 'rss' ? renderRss : format === 'atom' ? renderAtom : renderJsonFeed
    return {
      body: render(channel),
      contentType: FEED_CONTENT_TYPES[format],
      lastModified: stories.length === 0 ? null : channel.updated,
      scope: resolved.scope,
    }
  }
}

async function resolveScope(
  newsroom: Newsroom,
  site: SiteIdentity,
  scope: FeedScope,
): Promise<{ scope: ResolvedScope; filter: ArticleListFilter } | undefined> {
  switch (scope.kind) {
    case 'site':
      return {
        scope: {
          kind: 'site',
          id: null,
          slug: null,
          name: site.name,
          description: `The latest stories from ${site.name}.`,
        },
        filter: {},
      }
    case 'section': {
      const section = await newsroom.getSection(scope.slug)
      return (
        section && {
          scope: {
            kind: 'section',
            id: section.id,
            slug: section.slug,
            name: section.name,
            description:
              section.description || `The latest ${section.name} stories from ${site.name}.`,
          },
          filter: { sectionId: section.id },
        }
      )
    }
    case 'author': {
      const author = await newsroom.getAuthor(scope.slug)
      return (
        author && {
          scope: {
            kind: 'author',
            id: author.id,
            slug: author.slug,
            name: author.name,
            description: `The latest stories by ${author.name} in ${site.name}.`,
          },
          filter: { authorId: author.id },
        }
      )
    }
    case 'tag': {
      const tag = await newsroom.getTag(scope.slug)
      return (
        tag && {
          scope: {
            kind: 'tag',
            id: tag.id,
            slug: tag.slug,
            name: tag.name,
            description: `The latest stories about ${tag.name} in ${site.name}.`,
          },
          filter: { tagId: tag.id },
        }
      )
    }
  }
}
