/**
 * The one rule for the times a story shows the world. The byline, Open Graph, JSON-LD, feeds and
 * sitemaps all take their dates from here, so they cannot disagree.
 *
 * `modified_at` (Article.modifiedAt) is not one of them: it moves on every write, including
 * changes readers never see (tags, section, comment mode, a seed run), and serves only HTTP
 * caching (Last-Modified). Readers' "updated" time is `updated_at`, set when the readable content
 * changes or a correction/update note is added.
 */

/** The public times of a story. */
export interface StoryDates {
  /** When it was first published. */
  published: Date
  /** The last change readers can see: the update time, else the publication time. */
  modified: Date
  /** The update time readers are shown ("Updated …"), or null when it was never updated. */
  updated: Date | null
}

/**
 * The public times of a story from its publication and update times.
 * @example const { published, modified } = storyDates(article)
 */
export function storyDates(story: { publishedAt: Date; updatedAt: Date | null }): StoryDates {
  const published = story.publishedAt
  // An update stamped before publication (a back-dated import) is no update readers can see.
  const updated =
    story.updatedAt !== null && story.updatedAt.getTime() > published.getTime()
      ? story.updatedAt
      : null
  return { published, modified: updated ?? published, updated }
}
