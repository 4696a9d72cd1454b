/** The reader site's URL scheme in one place: story, section, author and tag paths. */

/** `/{section}/{slug}`: the canonical path of a story. */
export function articlePath(story: { slug: string; section: { slug: string } }): string {
  return `/${story.section.slug}/${story.slug}`
}

/** `/{section}`. */
export function sectionPath(section: { slug: string }): string {
  return `/${section.slug}`
}

/** `/author/{slug}`. */
export function authorPath(author: { slug: string }): string {
  return `/author/${author.slug}`
}

/** `/tag/{slug}`. */
export function tagPath(tag: { slug: string }): string {
  return `/tag/${tag.slug}`
}

/** `/corrections`: the public list of corrections. */
export const CORRECTIONS_PATH = '/corrections'

/** `base` for page 1, `base?page=N` after it, so page 1 has one address. */
export function pagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base}?page=${page}`
}

/** First path segments that belong to other parts of the site and are never sections. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'author',
  'tag',
  'media',
  'assets',
  'api',
  'healthz',
  'corrections',
  'search',
  'admin',
  'favicon.svg',
  'robots.txt',
])
