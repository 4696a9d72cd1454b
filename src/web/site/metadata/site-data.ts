/**
 * schema.org objects that describe the site and its list pages: the publisher, WebSite with its
 * search, breadcrumbs, collections (sections, tags, corrections) and author profiles. Pure
 * functions of what the page already shows; every URL is absolute.
 */

import type { ArticleSummary, Author } from '../../../newsroom/index.js'
import { absoluteUrl, type SiteIdentity } from '../../render/layout.js'
import { articlePath, authorPath } from '../site-urls.js'

/** A schema.org object as JSON-LD carries it. */
export type LdObject = Record<string, unknown>

const CONTEXT = 'https://schema.org'

/**
 * The site as a news publisher. Its logo is the admin's (the PNG made for it, with its size, as
 * Google's Organization guidance asks), or the site's icon at `iconPath` when there is none.
 */
export function publisherData(site: SiteIdentity, iconPath: string): LdObject {
  const logo = site.logo?.large
  return {
    '@type': 'NewsMediaOrganization',
    '@id': absoluteUrl(site, '/#publisher'),
    name: site.name,
    url: absoluteUrl(site, '/'),
    logo:
      logo === undefined
        ? { '@type': 'ImageObject', url: absoluteUrl(site, iconPath) }
        : {
            '@type': 'ImageObject',
            url: absoluteUrl(site, logo.url),
            width: logo.width,
            height: logo.height,
          },
  }
}

/** The front page's WebSite, with the SearchAction that points at /search?q=. */
export function webSiteData(site: SiteIdentity, logoPath: string): LdObject {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': absoluteUrl(site, '/#website'),
    name: site.name,
    url: absoluteUrl(site, '/'),
    inLanguage: site.language,
    publisher: publisherData(site, logoPath),
    potentialAction: {
      '@type': 'SearchAction',
      // The braces are the template's placeholder; absoluteUrl would percent-encode them.
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${absoluteUrl(site, '/search')}?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  }
}

/** One step of a breadcrumb trail: a name and a root-relative path. */
export interface Crumb {
  name: string
  path: string
}

/** The BreadcrumbList from the front page down to the page itself. */
export function breadcrumbData(site: SiteIdentity, trail: readonly Crumb[]): LdObject {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: site.name, path: '/' }, ...trail].map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(site, crumb.path),
    })),
  }
}

/** A list page (section, tag, corrections): a CollectionPage whose main entity lists its stories. */
export function collectionPageData(
  site: SiteIdentity,
  page: { name: string; description: string; path: string; stories: readonly { url: string }[] },
): LdObject {
  const url = absoluteUrl(site, page.path)
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    '@id': url,
    url,
    name: page.name,
    description: page.description,
    inLanguage: site.language,
    isPartOf: {
      '@type': 'WebSite',
      '@id': absoluteUrl(site, '/#website'),
      url: absoluteUrl(site, '/'),
    },
    mainEntity: itemList(page.stories),
  }
}

/** An author's page: a ProfilePage about the Person, listing their stories on this page. */
export function profilePageData(
  site: SiteIdentity,
  author: Author,
  page: { path: string; stories: readonly ArticleSummary[] },
): LdObject {
  const url = absoluteUrl(site, page.path)
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    '@id': url,
    url,
    name: author.name,
    inLanguage: site.language,
    mainEntity: {
      ...personData(site, author),
      ...(author.bio === '' ? {} : { description: author.bio }),
      worksFor: { '@id': absoluteUrl(site, '/#publisher') },
    },
    hasPart: itemList(storyUrls(site, page.stories)),
  }
}

/** An author as a Person with the URL of their page. */
export function personData(
  site: SiteIdentity,
  author: { slug: string; name: string; jobTitle: string },
): LdObject {
  return {
    '@type': 'Person',
    name: author.name,
    url: absoluteUrl(site, authorPath(author)),
    ...(author.jobTitle === '' ? {} : { jobTitle: author.jobTitle }),
  }
}

/** The absolute URLs of stories, for an ItemList. */
export function storyUrls(
  site: SiteIdentity,
  stories: readonly { slug: string; section: { slug: string } }[],
): { url: string }[] {
  return stories.map((story) => ({ url: absoluteUrl(site, articlePath(story)) }))
}

function itemList(items: readonly { url: string }[]): LdObject {
  return {
    '@type': 'ItemList',
    numberOfItems: items.length,
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      url: item.url,
    })),
  }
}
