/**
 * A published story as software outside the site sees it: the Content API's article item and
 * the `story` of a webhook payload are this one mapping (web/api/content-items.ts holds the
 * schema that lists these fields for the API and its OpenAPI document).
 */

import { photoVariants } from '../media/index.js'
import type { ArticleSummary, Tag } from '../newsroom/index.js'

/** Root-relative reader URLs (the web layer's URL scheme, handed in by the caller). */
export interface StoryLinks {
  story(story: { slug: string; section: { slug: string } }): string
  section(section: { slug: string }): string
  author(author: { slug: string }): string
  tag(tag: { slug: string }): string
}

/** A section, author or tag: its slug, name and absolute URL. */
export interface ItemLink {
  slug: string
  name: string
  url: string
}

/** The story's fields, in the order the API and webhooks send them. */
export interface StoryItem {
  id: number
  slug: string
  url: string
  headline: string
  dek: string
  section: ItemLink
  authors: ItemLink[]
  tags: ItemLink[]
  publishedAt: string
  updatedAt: string | null
  leadPhoto: {
    alt: string
    caption: string
    credit: string
    width: number
    height: number
    renditions: { url: string; width: number; height: number; format: string }[]
  } | null
}

/** `story` with absolute URLs: `absolute` turns a root-relative path into the site's full URL. */
export function storyItem(
  story: ArticleSummary,
  tags: readonly Tag[],
  links: StoryLinks,
  absolute: (path: string) => string,
): StoryItem {
  const photo = story.leadPhoto
  return {
    id: story.id,
    slug: story.slug,
    url: absolute(links.story(story)),
    headline: story.headline,
    dek: story.dek,
    section: { ...story.section, url: absolute(links.section(story.section)) },
    authors: story.authors.map((a) => ({
      slug: a.slug,
      name: a.name,
      url: absolute(links.author(a)),
    })),
    tags: tags.map((t) => ({ slug: t.slug, name: t.name, url: absolute(links.tag(t)) })),
    publishedAt: story.publishedAt.toISOString(),
    updatedAt: story.updatedAt?.toISOString() ?? null,
    leadPhoto:
      photo === null
        ? null
        : {
            alt: photo.alt,
            caption: photo.caption,
            credit: photo.credit,
            width: photo.width,
            height: photo.height,
            renditions: photoVariants(photo).map((v) => ({
              url: absolute(v.url),
              width: v.width,
              height: v.height,
              format: v.format,
            })),
          },
  }
}
