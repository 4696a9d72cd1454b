/** Atom 1.0 (RFC 4287). */

import { element, escapeXml } from '../xml.js'
import type { FeedChannel, FeedItem } from './feed-model.js'

/** The Atom document of `channel`; dates are RFC 3339. */
export function renderAtom(channel: FeedChannel): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(channel.language)}">`,
    element('id', channel.id),
    element('title', channel.title),
    element('subtitle', channel.description),
    element('updated', channel.updated.toISOString()),
    `<link rel="alternate" type="text/html" href="${escapeXml(channel.homeUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(channel.urls.atom)}"/>`,
    // Entries without a byline fall back to the feed's author, which RFC 4287 then requires.
    `<author><name>${escapeXml(channel.siteName)}</name></author>`,
    '<generator>Masthead</generator>',
    channel.logo === null ? '' : element('logo', channel.logo.large.url),
    ...channel.items.map(renderEntry),
    '</feed>\n',
  ].join('')
}

function renderEntry(item: FeedItem): string {
  const image = item.image
  return [
    '<entry>',
    element('id', item.id),
    element('title', item.title),
    `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
    element('published', item.published.toISOString()),
    element('updated', item.updated.toISOString()),
    ...item.authors.map(
      (author) =>
        `<author><name>${escapeXml(author.name)}</name><uri>${escapeXml(author.url)}</uri></author>`,
    ),
    ...item.categories.map((category) => `<category term="${escapeXml(category)}"/>`),
    item.summary === '' ? '' : `<summary type="text">${escapeXml(item.summary)}</summary>`,
    item.contentHtml === null
      ? ''
      : `<content type="html">${escapeXml(item.contentHtml)}</content>`,
    image === null
      ? ''
      : `<link rel="enclosure" type="${image.type}" href="${escapeXml(image.url)}"` +
        // Atom's length is optional: given only when known.
        (image.bytes === null ? '' : ` length="${image.bytes}"`) +
        '/>',
    '</entry>',
  ].join('')
}
