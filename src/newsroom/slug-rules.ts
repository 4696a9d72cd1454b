/** Pure rules for newsroom slugs: reserved section slugs and making a slug unique. */

import { isSlug, slugify } from '../lib/slug.js'
import { sectionSlugInvalid, sectionSlugReserved } from './errors.js'

/** First path segments other routes own; a section there would shadow them. */
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set([
  'author',
  'tag',
  'media',
  'assets',
  'api',
  'admin',
  'healthz',
  'search',
  'corrections',
  'feed',
  'feeds',
  'sitemap.xml',
  'robots.txt',
  'favicon.ico',
  'favicon.svg',
])

const MAX_SLUG_LENGTH = 80
/** How many numbered candidates to try before falling back to a random suffix. */
const NUMBERED_CANDIDATES = 50

/** The section slug for `input` (explicit or from the name); throws when malformed or reserved. */
export function sectionSlug(explicit: string | undefined, name: string): string {
  const slug = explicit ?? slugify(name)
  // Reserved first: "sitemap.xml" is not even a slug, but the reason to give is that it is taken.
  if (RESERVED_SECTION_SLUGS.has(slug)) throw sectionSlugReserved(slug)
  if (!isSlug(slug)) throw sectionSlugInvalid(slug)
  return slug
}

/** The slug a title gives, or `fallback` when the title has no Latin letters or digits. */
export function baseSlug(title: string, fallback: string): string {
  const slug = slugify(title)
  return slug === '' ? fallback : slug
}

/** `base`, `base-2` … `base-50`, each cut so the suffix fits in 80 characters. */
export function slugCandidates(base: string): string[] {
  const candidates = [base]
  for (let n = 2; n <= NUMBERED_CANDIDATES; n++) candidates.push(withSuffix(base, String(n)))
  return candidates
}

/** The first candidate not in `taken`, or `base` with a random suffix when all are taken. */
export function firstFreeSlug(
  candidates: readonly string[],
  taken: ReadonlySet<string>,
  random: string,
): string {
  for (const candidate of candidates) if (!taken.has(candidate)) return candidate
  return withSuffix(candidates[0] ?? 'story', random)
}

function withSuffix(base: string, suffix: string): string {
  const room = MAX_SLUG_LENGTH - suffix.length - 1
  const head = base.length <= room ? base : base.slice(0, room).replace(/-+$/, '')
  return `${head}-${suffix}`
}
