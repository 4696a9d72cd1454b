/** What a page route hands to the page cache: the bytes, and what they depend on. */

export interface PageResult {
  /** 200 for pages; error pages pass their status and are never cached. */
  status: number
  /** The complete HTML document, doctype included (or the feed's text when `contentType` says so). */
  html: string
  /** The body's media type; HTML unless set (feeds and the sitemap index share the cache). */
  contentType?: string
  /** Tags of what the page shows ('article:42', 'section:world', 'front'); a purge of any drops it. */
  cacheTags: string[]
  /** The newest change among what the page shows, for Last-Modified. */
  lastModified: Date | null
  /** The story this page is a reading of: every serve of it (cache hits too) is offered to the view counter. */
  viewOf?: number
  /** Caps how long the page cache keeps the page (ms): what it shows expires sooner (a banner). */
  maxAgeMs?: number
}
