/** Words the story screens share: status names and how times are written. */

import type { ArticleStatus } from '../../../newsroom/index.js'

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
}

/** "3 Dec 2026, 14:05 UTC": the newsroom works in UTC, and says so. */
export function formatWhen(at: Date): string {
  const date = at.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return `${date}, ${at.toISOString().slice(11, 16)} UTC`
}
