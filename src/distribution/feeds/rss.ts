/** RSS 2.0 (with content:encoded, dc:creator, Media RSS and an atom:link to itself). */

import { element, escapeXml } from '../xml.js'
import type { FeedChannel, FeedItem } from './feed-model.js'

/** The RSS 2.0 document of `channel`; dates are RFC 822 (with a four-digit year, as RFC 1123). */
export function renderRss(channel: FeedChannel): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"',
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.homeUrl),
    // RSS requires a description; a section without one gets the channel title.
    element('description', channel.description || channel.title),
    element('language', channel.language),
    channel.logo === null
      ? ''
      : // RSS 2.0's <image>: its title and link must be the channel's; at most 144×400.
        '<image>' +
        element('url', channel.logo.feed.url) +
        element('title', channel.title) +
        element('link', channel.homeUrl) +
        element('width', String(channel.logo.feed.width)) +
        element('height', String(channel.logo.feed.height)) +
        '</image>',
    element('lastBuildDate', channel.updated.toUTCString()),
    element('generator', 'Masthead'),
    `<atom:link href="${escapeXml(channel.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...channel.items.map(renderItem),
    '</channel></rss>\n',
  ]
  return parts.join('')
}

function renderItem(item: FeedItem): string {
  const image = item.image
  return [
    '<item>',
    element('title', item.title),
    element('link', item.url),
    `<guid isPermaLink="false">${escapeXml(item.id)}</guid>`,
    element('pubDate', item.published.toUTCString()),
    element('description', item.summary),
    element('content:encoded', item.contentHtml),
    ...item.authors.map((author) => element('dc:creator', author.name)),
    ...item.categories.map((category) => element('category', category)),
    image === null
      ? ''
      : // RSS requires the enclosure's length in bytes; when the file cannot be found its size is
        // unknown, and Media RSS (which needs no size) carries the photo alone.
        (image.bytes === null
          ? ''
          : `<enclosure url="${escapeXml(image.url)}" length="${image.bytes}" type="${image.type}"/>`) +
        `<media:content url="${escapeXml(image.url)}" medium="image" type="${image.type}"` +
        (image.bytes === null ? '' : ` fileSize="${image.bytes}"`) +
        ` width="${image.width}" height="${image.height}">` +
        element('media:description', image.caption) +
        element('media:credit', image.credit) +
        '</media:content>',
    '</item>',
  ].join('')
}
