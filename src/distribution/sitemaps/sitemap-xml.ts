/** The sitemaps.org 0.9 formats (urlset, sitemapindex) with the image 1.1 and news 0.9 extensions. */

import { element, escapeXml } from '../xml.js'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/** The opening of a urlset, declaring the extensions its entries use. */
export function urlsetOpen(extensions: { image?: boolean; news?: boolean } = {}): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<urlset xmlns="${SITEMAP_NS}"` +
    (extensions.image === true ? ` xmlns:image="${IMAGE_NS}"` : '') +
    (extensions.news === true ? ` xmlns:news="${NEWS_NS}"` : '') +
    '>\n'
  )
}

export const URLSET_CLOSE = '</urlset>\n'

/** One `<url>`: an absolute address, its last change and the images it shows. */
export function urlEntry(entry: {
  loc: string
  lastmod?: Date | null
  images?: readonly string[]
}): string {
  return (
    '<url>' +
    element('loc', entry.loc) +
    (entry.lastmod === null || entry.lastmod === undefined
      ? ''
      : element('lastmod', entry.lastmod.toISOString())) +
    (entry.images ?? [])
      .map((url) => `<image:image>${element('image:loc', url)}</image:image>`)
      .join('') +
    '</url>\n'
  )
}

/** One Google News `<url>`: the story's address with its publication, date and title. */
export function newsEntry(entry: {
  loc: string
  publicationName: string
  language: string
  published: Date
  title: string
}): string {
  return (
    '<url>' +
    element('loc', entry.loc) +
    '<news:news><news:publication>' +
    element('news:name', entry.publicationName) +
    element('news:language', entry.language) +
    '</news:publication>' +
    element('news:publication_date', entry.published.toISOString()) +
    element('news:title', entry.title) +
    '</news:news></url>\n'
  )
}

/** A sitemap index over `sitemaps` (absolute addresses with their newest change). */
export function sitemapIndex(sitemaps: readonly { loc: string; lastmod: Date | null }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<sitemapindex xmlns="${SITEMAP_NS}">\n` +
    sitemaps
      .map(
        (s) =>
          '<sitemap>' +
          `<loc>${escapeXml(s.loc)}</loc>` +
          (s.lastmod === null ? '' : element('lastmod', s.lastmod.toISOString())) +
          '</sitemap>\n',
      )
      .join('') +
    '</sitemapindex>\n'
  )
}

/**
 * The Google News language code for a BCP 47 tag: the ISO 639 code in lower case, except
 * Chinese, which Google wants as zh-cn or zh-tw.
 */
export function newsLanguage(language: string): string {
  const [primary = 'en', ...rest] = language.toLowerCase().split('-')
  if (primary !== 'zh') return primary
  return rest.some((part) => ['tw', 'hk', 'mo', 'hant'].includes(part)) ? 'zh-tw' : 'zh-cn'
}
