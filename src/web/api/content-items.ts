/**
 * How the Content API shows a story: the schema (the allowlist of what leaves); the mapping is
 * integrations/story-item.ts, which webhook payloads use too.
 */

import { type Static, Type } from '@sinclair/typebox'
import { type StoryLinks, storyItem } from '../../integrations/index.js'
import type { ArticleSummary, Tag } from '../../newsroom/index.js'
import { IntId } from '../schema-parts.js'
import { articlePath, authorPath, sectionPath, tagPath } from '../site/site-urls.js'

const Link = Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String() })

const Photo = Type.Object({
  alt: Type.String(),
  caption: Type.String(),
  credit: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  renditions: Type.Array(
    Type.Object({
      url: Type.String(),
      width: Type.Integer(),
      height: Type.Integer(),
      format: Type.String(),
    }),
  ),
})

/** A story in a list. Every field but `id` may be left out with `fields=`. */
export const ArticleItem = Type.Object({
  id: IntId(),
  slug: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  headline: Type.Optional(Type.String()),
  dek: Type.Optional(Type.String()),
  section: Type.Optional(Link),
  authors: Type.Optional(Type.Array(Link)),
  tags: Type.Optional(Type.Array(Link)),
  publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
  updatedAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  leadPhoto: Type.Optional(Type.Union([Photo, Type.Null()])),
})
export type ArticleItemValue = Static<typeof ArticleItem>

/** One story with its body. */
export const ArticleDetail = Type.Composite([
  ArticleItem,
  Type.Object({
    bodyHtml: Type.String({ description: 'Sanitized HTML, as the site shows it.' }),
    bodyMarkdown: Type.String({ description: 'The Markdown source the HTML is made from.' }),
    wordCount: Type.Integer(),
    modifiedAt: Type.String({ format: 'date-time' }),
    seoTitle: Type.String({
      description: 'The title for search engines and link previews; empty: use the headline.',
    }),
    seoDescription: Type.String({
      description: 'The description for search engines and link previews; empty: use the dek.',
    }),
  }),
])

const LINKS: StoryLinks = {
  story: articlePath,
  section: sectionPath,
  author: authorPath,
  tag: tagPath,
}

/** `story` as the API shows it, with absolute URLs (the mapping webhooks share). */
export function articleItem(
  story: ArticleSummary,
  tags: readonly Tag[],
  absolute: (path: string) => string,
): Required<ArticleItemValue> {
  return storyItem(story, tags, LINKS, absolute)
}
