/**
 * WordPress WXR 1.1/1.2 elements → import records: an <item> becomes a story, a photo or a record
 * skipped with its reason; <wp:author> and <wp:category> are kept to name bylines and sections.
 */

import { parseHtml, textOf } from '../html/html-tree.js'
import type { ImportedPhoto, ImportedStory, ImportRecord } from '../types.js'
import { type CollectedElement, type XmlNode, textOfChild } from './xml-elements.js'
import { wordpressDate } from './wxr-dates.js'

/** What the channel says about bylines and categories (small: read once, kept in memory). */
export interface WxrChannel {
  /** The site's address, for `/?p=123` redirects. */
  baseUrl: string
  authors: Map<string, { name: string; email: string }>
  categories: Map<string, { name: string; description: string }>
}

const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|tiff?)$/i
const NOT_IMPORTED: Record<string, string> = {
  page: 'pages are not imported (they are no news stories)',
  nav_menu_item: 'menu items are not imported (the site has its own navigation)',
  revision: 'revisions are not imported (the post itself is)',
}

/** Remembers a channel-level <wp:author> or <wp:category>. */
export function readChannelEntry(channel: WxrChannel, element: CollectedElement): void {
  const node = element.node
  if (node.name === 'wp:author') {
    const login = textOfChild(node, 'wp:author_login')
    if (login === '') return
    const name = textOfChild(node, 'wp:author_display_name') || login
    channel.authors.set(login, { name, email: textOfChild(node, 'wp:author_email') })
  } else if (node.name === 'wp:category') {
    const slug = textOfChild(node, 'wp:category_nicename')
    if (slug === '') return
    channel.categories.set(slug, {
      name: textOfChild(node, 'wp:cat_name') || slug,
      description: textOfChild(node, 'wp:category_description'),
    })
  }
}

/** The record an <item> is; `wanted` picks the pass (attachments first, then the rest). */
export function itemRecord(
  element: CollectedElement,
  channel: WxrChannel,
  wanted: 'attachments' | 'posts',
): ImportRecord | undefined {
  const item = element.node
  const place = `line ${element.line}`
  const type = textOfChild(item, 'wp:post_type') || 'post'
  if ((type === 'attachment') !== (wanted === 'attachments')) return undefined
  const title = plain(textOfChild(item, 'title'))
  const id = textOfChild(item, 'wp:post_id')
  if (element.problems.length > 0) return { kind: 'malformed', place, reason: element.problems.join('; ') } // prettier-ignore
  if (/\uFFFD/.test(JSON.stringify(item)))
    return { kind: 'malformed', place, reason: 'invalid UTF-8 (bytes that are no UTF-8 character)' }
  if (id === '' || !/^\d+$/.test(id))
    return { kind: 'malformed', place, reason: 'an item without a numeric <wp:post_id>' }
  if (type === 'attachment') return attachment(item, place, id, title)
  const what = `${type.replace(/_/g, ' ')} ${title === '' ? `#${id}` : `"${title}"`}`
  const notImported = NOT_IMPORTED[type]
  if (notImported !== undefined) return { kind: 'skip', place, what, reason: notImported }
  if (type !== 'post') return { kind: 'skip', place, what, reason: `post type "${type}" is not imported` } // prettier-ignore
  return post(item, place, id, title, channel)
}

function post(
  item: XmlNode,
  place: string,
  id: string,
  title: string,
  channel: WxrChannel,
): ImportRecord {
  const status = textOfChild(item, 'wp:status')
  if (status === 'trash' || status === 'auto-draft')
    return { kind: 'skip', place, what: `post "${title || id}"`, reason: `its status is ${status}` }
  if (title === '') return { kind: 'malformed', place, reason: `post #${id} has no title` }
  const published = status === 'publish'
  const date = wordpressDate(item, 'wp:post_date_gmt', 'wp:post_date', 'pubDate')
  if (date.kind === 'bad') return { kind: 'malformed', place, reason: `post "${title}": ${date.reason}` } // prettier-ignore
  if (published && date.kind === 'none')
    return { kind: 'malformed', place, reason: `post "${title}" is published but has no date` }
  const modified = wordpressDate(item, 'wp:post_modified_gmt', 'wp:post_modified')

  const categories = item.children.filter((c) => c.name === 'category')
  const section = categories.find((c) => c.attrs.domain === 'category')?.attrs.nicename
  const tags = categories.filter((c) => c.attrs.domain === 'post_tag').map((c) => plain(c.text))
  const creator = textOfChild(item, 'dc:creator')
  const thumbnail = meta(item, '_thumbnail_id')
  const link = textOfChild(item, 'link')
  const guid = textOfChild(item, 'guid')
  const slug = slugOf(item)
  const story: ImportedStory = {
    kind: 'story',
    place,
    sourceId: id,
    headline: title,
    dek: plain(parseHtml(textOfChild(item, 'excerpt:encoded')).map(textOf).join('')),
    body: { format: 'html', text: withoutShortcodes(textOfChild(item, 'content:encoded')) },
    tags: tags.filter((tag) => tag !== ''),
    status: published ? 'published' : 'draft',
    oldUrls: [link, guid, `${channel.baseUrl}/?p=${id}`].filter((url) => url !== ''),
    ...(section === undefined ? {} : { section }),
    ...(creator === '' ? {} : { authors: [creator] }),
    ...(date.kind === 'date' ? { publishedAt: date.date } : {}),
    ...(modified.kind === 'date' && date.kind === 'date' && modified.date > date.date
      ? { updatedAt: modified.date }
      : {}),
    ...(slug === undefined ? {} : { slug }),
    ...(thumbnail === undefined ? {} : { leadPhoto: thumbnail }),
  }
  return story
}

function attachment(item: XmlNode, place: string, id: string, title: string): ImportRecord {
  const url = textOfChild(item, 'wp:attachment_url') || textOfChild(item, 'guid')
  const file = meta(item, '_wp_attached_file')
  if (!IMAGE_FILE.test(file ?? url)) {
    return { kind: 'skip', place, what: `attachment ${url || `#${id}`}`, reason: 'not an image' }
  }
  const photo: ImportedPhoto = {
    kind: 'photo',
    place,
    sourceId: id,
    alt: meta(item, '_wp_attachment_image_alt') ?? title,
    caption: plain(textOfChild(item, 'excerpt:encoded')),
    ...(url === '' ? {} : { url }),
    ...(file === undefined ? {} : { file }),
  }
  return photo
}

/** A <wp:postmeta> value by key. */
function meta(item: XmlNode, key: string): string | undefined {
  for (const entry of item.children) {
    if (entry.name === 'wp:postmeta' && textOfChild(entry, 'wp:meta_key') === key)
      return textOfChild(entry, 'wp:meta_value')
  }
  return undefined
}

/** WordPress keeps slugs percent-encoded (`caf%c3%a9`); ours are plain. */
function slugOf(item: XmlNode): string | undefined {
  const raw = textOfChild(item, 'wp:post_name')
  if (raw === '') return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/**
 * WordPress shortcodes that wrap content ([caption]…[/caption]) keep their content; those that
 * embed something we cannot show ([gallery], [audio]…) go. Other bracketed text stays as written.
 */
function withoutShortcodes(html: string): string {
  return html
    .replace(/\[\/?caption[^\]]*\]/g, '')
    .replace(/\[(gallery|audio|video|playlist|embed)\b[^\]]*\](?:[^[]*\[\/\1\])?/g, '')
}

function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
