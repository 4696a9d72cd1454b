/** Pure rules of the story desk: SEO field limits, which permission a status change needs, list filters. */

import type { Permission } from '../accounts/index.js'
import { storySeoTooLong } from './story-errors.js'
import type { ArticleStatus } from './types.js'

/** Longer titles and descriptions are cut off by search engines anyway; the columns allow these. */
export const SEO_TITLE_MAX = 200
export const SEO_DESCRIPTION_MAX = 500

/** Throws STORY_SEO_TOO_LONG when an SEO field is over its limit. */
export function checkSeo(input: { seoTitle?: string; seoDescription?: string }): void {
  if (input.seoTitle !== undefined && input.seoTitle.trim().length > SEO_TITLE_MAX)
    throw storySeoTooLong('seoTitle', SEO_TITLE_MAX)
  if (
    input.seoDescription !== undefined &&
    input.seoDescription.trim().length > SEO_DESCRIPTION_MAX
  )
    throw storySeoTooLong('seoDescription', SEO_DESCRIPTION_MAX)
}

/**
 * The permission moving a story to `to` needs: going live (or being set to go live) is
 * publishing, taking it down is unpublishing, asking for review is submitting, and back to draft
 * is editing (an editor returns a story, a writer withdraws it).
 */
export function permissionForMove(to: ArticleStatus): Permission {
  switch (to) {
    case 'published':
    case 'scheduled':
      return 'story.publish'
    case 'unpublished':
      return 'story.unpublish'
    case 'in_review':
      return 'story.submit'
    case 'draft':
      return 'story.edit'
  }
}

/** A headline search as a LIKE pattern: the words in order, with LIKE's wildcards escaped. */
export function headlinePattern(query: string): string | undefined {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return undefined
  return `%${words.map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`)).join('%')}%`
}
