/** The narrow, typed list of events domains emit; subscribers (page cache, search) react to them. */

/** What every article event carries: enough to purge exactly the pages that show the story. */
export interface ArticleEvent {
  articleId: number
  slug: string
  sectionSlug: string
  authorIds: number[]
  tagIds: number[]
}

export interface BusEvents {
  'article.published': ArticleEvent
  'article.updated': ArticleEvent & { previousSlug?: string; previousSectionSlug?: string }
  'article.unpublished': ArticleEvent
  'picks.changed': { list: string }
  /** The breaking-news banner was put up, taken down or reached its expiry. */
  'banner.changed': { bannerId: number }
  'comment.posted': { commentId: number; articleId: number; visible: boolean }
  /** A moderator (or readers' reports) changed what a story's comments show, or its comment mode. */
  'comment.moderated': { commentId: number | null; articleId: number; action: string }
  /** A moderator changed the banned-word list: every process reloads the list it matches with. */
  'comment.banned_words.changed': { word: string; action: 'added' | 'removed' }
  /** An admin changed site settings (name, language, comment mode…): any page may show them. */
  'settings.changed': { keys: string[] }
  /** A section was added, renamed or moved: the navigation on every page shows sections. */
  'sections.changed': { sectionId: number }
  /** A Content API key was revoked: every process forgets it at once (it caches verified keys). */
  'api_key.revoked': { keyId: number }
}

export type BusEventName = keyof BusEvents
