/**
 * The story's schema.org object: NewsArticle or the subtype its label names, with the dates of
 * storyDates() (the same the byline and Open Graph show), the crops search engines ask for, and
 * its public corrections.
 */

import { photoCrops } from '../../../media/index.js'
import { type Article, type ArticleLabel, storyDates } from '../../../newsroom/index.js'
import { absoluteUrl, type SiteIdentity } from '../../render/layout.js'
import { type LdObject, personData, publisherData } from './site-data.js'

/**
 * The schema.org type for each label. Explainers are news (schema.org's BackgroundNewsArticle
 * is narrower than what newsrooms call an explainer); sponsored stories are advertiser content,
 * never presented as the newsroom's journalism.
 */
export const ARTICLE_TYPES: Readonly<Record<ArticleLabel, string>> = {
  news: 'NewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  explainer: 'NewsArticle',
  review: 'ReviewNewsArticle',
  sponsored: 'AdvertiserContentArticle',
}

/** The JSON-LD object of `article` at canonical `url`. */
export function articleData(
  site: SiteIdentity,
  article: Article,
  page: { url: string; description: string; logoPath: string },
): LdObject {
  const dates = storyDates(article)
  const photo = article.leadPhoto
  const corrections = article.notes.filter((note) => note.kind === 'correction')
  return {
    '@context': 'https://schema.org',
    '@type': ARTICLE_TYPES[article.label],
    '@id': page.url,
    url: page.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': page.url },
    headline: article.headline,
    description: page.description,
    inLanguage: site.language,
    datePublished: dates.published.toISOString(),
    dateModified: dates.modified.toISOString(),
    ...(photo === null
      ? {}
      : { image: photoCrops(photo).map((crop) => absoluteUrl(site, crop.url)) }),
    author: article.authors.map((author) => personData(site, author)),
    publisher: publisherData(site, page.logoPath),
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name),
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    ...(corrections.length === 0
      ? {}
      : {
          correction: corrections.map((note) => ({
            '@type': 'CorrectionComment',
            text: note.text,
            datePublished: note.createdAt.toISOString(),
            url: `${page.url}#note-${note.id}`,
          })),
        }),
  }
}
