/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */

import type { FeedChannel, FeedItem } from './feed-model.js'

/** The JSON Feed document of `channel`; dates are RFC 3339. */
export function renderJsonFeed(channel: FeedChannel): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.urls.json,
    ...(channel.description === '' ? {} : { description: channel.description }),
    language: channel.language,
    authors: [{ name: channel.siteName }],
    items: channel.items.map(jsonItem),
  }
  return JSON.stringify(feed)
}

function jsonItem(item: FeedItem) {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    // An item needs content_html or content_text: an excerpt feed carries the dek (or headline).
    ...(item.contentHtml === null
      ? { content_text: item.summary === '' ? item.title : item.summary }
      : { content_html: item.contentHtml }),
    ...(item.summary === '' ? {} : { summary: item.summary }),
    ...(item.image === null ? {} : { image: item.image.url }),
    date_published: item.published.toISOString(),
    date_modified: item.updated.toISOString(),
    ...(item.authors.length === 0 ? {} : { authors: item.authors }),
    tags: item.categories,
  }
}
