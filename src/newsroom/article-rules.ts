/** Pure workflow rules for stories: statuses, transitions, visibility and publication times. */

import { slugify } from '../lib/slug.js'
import {
  articleHeadlineRequired,
  articleHeadlineTooLong,
  articleScheduleTimeRequired,
  articleStatusInvalid,
  articleTransitionInvalid,
  tagNameInvalid,
} from './errors.js'
import type { ArticleStatus } from './types.js'

export const ARTICLE_STATUSES: readonly ArticleStatus[] = [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
]
export const HEADLINE_MAX_LENGTH = 200

// Who may move a story is a later concern (roles); this table only says which moves make sense.
const TRANSITIONS: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['in_review', 'scheduled', 'published'],
  in_review: ['draft', 'scheduled', 'published'],
  scheduled: ['draft', 'in_review', 'published'],
  published: ['draft', 'unpublished'],
  // Taken down: readers get 410 Gone; the desk may rework it or put it back.
  unpublished: ['draft', 'published'],
}

/** The status named by `value`; throws ARTICLE_STATUS_INVALID otherwise. */
export function parseArticleStatus(value: string): ArticleStatus {
  if (!(ARTICLE_STATUSES as readonly string[]).includes(value)) throw articleStatusInvalid(value)
  return value as ArticleStatus
}

/** True when the workflow allows moving a story from `from` to `to`. */
export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Throws ARTICLE_TRANSITION_INVALID unless `from` → `to` is allowed. */
export function assertTransition(from: ArticleStatus, to: ArticleStatus): void {
  if (!canTransition(from, to)) throw articleTransitionInvalid(from, to)
}

/** True when readers may see the story: published, and its publication time has come. */
export function isVisibleToReaders(
  article: { status: ArticleStatus; publishedAt: Date | null },
  now: Date,
): boolean {
  return (
    article.status === 'published' &&
    article.publishedAt !== null &&
    article.publishedAt.getTime() <= now.getTime()
  )
}

/** The publication time a new story is stored with, given its status. */
export function initialPublishedAt(
  status: ArticleStatus,
  publishedAt: Date | null | undefined,
  now: Date,
): Date | null {
  if (status === 'published') return publishedAt ?? now
  if (status === 'scheduled' && (publishedAt === null || publishedAt === undefined)) {
    throw articleScheduleTimeRequired()
  }
  return publishedAt ?? null
}

/** The trimmed headline; throws when empty or too long. */
export function normalizeHeadline(headline: string): string {
  const trimmed = headline.trim().replace(/\s+/g, ' ')
  if (trimmed === '') throw articleHeadlineRequired()
  if (trimmed.length > HEADLINE_MAX_LENGTH) {
    throw articleHeadlineTooLong(HEADLINE_MAX_LENGTH, trimmed.length)
  }
  return trimmed
}

/** Author ids without duplicates, in byline order. */
export function bylineOrder(authorIds: readonly number[]): number[] {
  return [...new Set(authorIds)]
}

/** True when an edit changes what readers read, so a published story shows "updated". */
export function changesReadableContent(changes: {
  headline?: string
  dek?: string
  bodyMarkdown?: string
  leadPhotoId?: number | null
}): boolean {
  return (
    changes.headline !== undefined ||
    changes.dek !== undefined ||
    changes.bodyMarkdown !== undefined ||
    changes.leadPhotoId !== undefined
  )
}

/** Tag names as slug and display name, without duplicates; throws TAG_NAME_INVALID for a name with no slug. */
export function normalizeTagNames(names: readonly string[]): { slug: string; name: string }[] {
  const bySlug = new Map<string, string>()
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (name === '') continue
    const slug = slugify(name)
    if (slug === '' || name.length > 80) throw tagNameInvalid(name)
    if (!bySlug.has(slug)) bySlug.set(slug, name)
  }
  return [...bySlug].map(([slug, name]) => ({ slug, name }))
}
