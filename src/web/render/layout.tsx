/** The document every reader page shares: head metadata, masthead, section navigation and footer. */

import { formatEditionDate } from './format.js'
import type { Child, SafeHtml } from './html.js'
import { JsonLd } from './json-ld.js'

/** Who the site is: the configured URL, and the name, language and logo the admin set. */
export interface SiteIdentity {
  readonly url: string
  readonly name: string
  readonly language: string
  /** The logo's renditions; null or absent: the name is shown instead. */
  readonly logo?: SiteLogoImages | null
}

/** One image file of the site logo: root-relative path and size in pixels. */
export interface SiteLogoImage {
  readonly url: string
  readonly width: number
  readonly height: number
}

/** The logo renditions pages use (media's logoRenditions makes them). */
export interface SiteLogoImages {
  /** The masthead's file (twice the display size, for high-density screens). */
  readonly header: SiteLogoImage
  /** For structured data: `publisher.logo`. */
  readonly large: SiteLogoImage
  /** The masthead's CSS size. */
  readonly display: { readonly width: number; readonly height: number }
}

/** The asset URLs the layout links (a subset of the asset manifest). */
export interface LayoutAssets {
  readonly stylesheet: string
  readonly favicon: string
}

/** A section as the navigation shows it. */
export interface NavSection {
  slug: string
  name: string
}

/** A feed a page announces for autodiscovery (`<link rel="alternate">`). */
export interface FeedLink {
  /** Root-relative path of the feed. */
  href: string
  /** Its media type (application/rss+xml, application/atom+xml, application/feed+json). */
  type: string
  title: string
}

/** The breaking-news banner as a page shows it. */
export interface PageBanner {
  text: string
  /** A path on the site or an http(s) address; null: text only. */
  link: string | null
}

/** What every page shares besides its own content. */
export interface PageFrame {
  site: SiteIdentity
  assets: LayoutAssets
  sections: readonly NavSection[]
  /** The day shown under the masthead. */
  editionDate: Date
  /** The page's own feeds: the site's, and its section's, author's or tag's. */
  feeds?: readonly FeedLink[]
  /** The breaking-news banner up now; null or absent: none. */
  banner?: PageBanner | null
}

/** An image for link previews (absolute URL). */
export interface MetaImage {
  url: string
  width: number
  height: number
  alt: string
}

/** Head metadata of one page. */
export interface PageMeta {
  /** The page's own title; the site name is appended (the front page passes the site name alone). */
  title: string
  description: string
  /** Root-relative canonical path ('/asia/some-story'); error pages leave it out and say noindex. */
  canonicalPath?: string | undefined
  ogType?: 'website' | 'article'
  image?: MetaImage | undefined
  article?: { publishedTime: Date; modifiedTime: Date; section: string; tags: readonly string[] }
  /** schema.org objects rendered as JSON-LD. */
  jsonLd?: readonly unknown[]
  noindex?: boolean
}

export interface LayoutProps {
  frame: PageFrame
  meta: PageMeta
  /** The section the page belongs to (marked aria-current in the navigation). */
  activeSection?: string | undefined
  /** Only the front page makes the site name its h1; elsewhere the page's headline is the h1. */
  isFront?: boolean
  /** Extra scripts, loaded with defer. */
  scripts?: readonly string[]
  children?: Child
}

/** The absolute URL of a root-relative `path` on the site. */
export function absoluteUrl(site: SiteIdentity, path: string): string {
  return new URL(path, site.url + '/').href
}

/** The complete `<html>` element of a reader page. */
export function Layout(props: LayoutProps): SafeHtml {
  const { frame, meta } = props
  const { site } = frame
  const fullTitle = meta.title === site.name ? site.name : `${meta.title} — ${site.name}`
  const canonical =
    meta.canonicalPath === undefined ? undefined : absoluteUrl(site, meta.canonicalPath)
  const edition = frame.editionDate.toISOString().slice(0, 10)
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        <meta name="color-scheme" content="light dark" />
        {/* Indexable pages let search engines show large previews of their photos. */}
        <meta
          name="robots"
          content={meta.noindex === true ? 'noindex' : 'max-image-preview:large'}
        />
        {canonical === undefined ? null : <link rel="canonical" href={canonical} />}
        {(frame.feeds ?? []).map((feed) => (
          <link rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
        ))}
        <link rel="stylesheet" href={frame.assets.stylesheet} />
        <link rel="icon" href={frame.assets.favicon} type="image/svg+xml" />
        <OpenGraph site={site} meta={meta} title={fullTitle} canonical={canonical} />
        {(meta.jsonLd ?? []).map((data) => (
          <JsonLd data={data} />
        ))}
        {(props.scripts ?? []).map((src) => (
          <script defer src={src}></script>
        ))}
      </head>
      <body>
        <div class="skip-links" id="top">
          <a class="skip-link" href="#main">
            Skip to main content
          </a>
          <a class="skip-link" href="/">
            Back to front page
          </a>
        </div>
        <BreakingBanner banner={frame.banner ?? null} />
        <header class="masthead">
          <div class="masthead-inner">
            {props.isFront === true ? (
              <h1 class="masthead-title">
                <a href="/" aria-current="page">
                  <Brand site={site} />
                </a>
              </h1>
            ) : (
              <p class="masthead-title">
                <a href="/">
                  <Brand site={site} />
                </a>
              </p>
            )}
            <p class="edition">
              <time datetime={edition}>{formatEditionDate(frame.editionDate, site.language)}</time>
            </p>
            <SiteSearch />
          </div>
        </header>
        <nav class="section-nav" aria-label="Sections">
          <SectionLinks sections={frame.sections} active={props.activeSection} />
        </nav>
        <main id="main" tabindex="-1">
          {props.children}
        </main>
        <footer class="site-footer">
          <nav aria-label="All sections">
            <SectionLinks sections={frame.sections} active={props.activeSection} />
          </nav>
          <p class="colophon">
            {site.name} · <a href="/corrections">Corrections</a> · Published with Masthead,
            open-source news software.
          </p>
          <p class="bottom-links">
            <a href="#top">Back to top</a>
            <a href="/">Back to front page</a>
          </p>
        </footer>
      </body>
    </html>
  )
}

/**
 * The site's name, or its logo with the name as its text alternative (so the link and, on the
 * front page, the h1 are named by it). The logo is above the fold: loaded at once, not lazily.
 */
function Brand(props: { site: SiteIdentity }) {
  const { site } = props
  const logo = site.logo
  if (logo === undefined || logo === null) return <>{site.name}</>
  return (
    <img
      class="masthead-logo"
      src={logo.header.url}
      width={String(logo.display.width)}
      height={String(logo.display.height)}
      alt={site.name}
    />
  )
}

/**
 * The breaking-news banner: a labelled region (a landmark screen readers can jump to), not a
 * live region, so it is read with the page instead of interrupting whatever is being read.
 */
function BreakingBanner(props: { banner: PageBanner | null }) {
  const { banner } = props
  if (banner === null) return null
  return (
    <section class="breaking-banner" aria-label="Breaking news">
      <p>
        <strong class="breaking-banner-label">Breaking</strong>{' '}
        {banner.link === null ? (
          <span class="breaking-banner-text">{banner.text}</span>
        ) : (
          <a class="breaking-banner-text" href={banner.link}>
            {banner.text}
          </a>
        )}
      </p>
    </section>
  )
}

/** The masthead's search box: a plain GET form, so it works without JavaScript. */
function SiteSearch() {
  return (
    <form class="site-search" role="search" aria-label="Site" action="/search" method="get">
      <label class="visually-hidden" for="site-search-q">
        Search stories
      </label>
      <input id="site-search-q" type="search" name="q" maxlength="256" autocomplete="off" />
      <button type="submit">Search</button>
    </form>
  )
}

function SectionLinks(props: { sections: readonly NavSection[]; active: string | undefined }) {
  return (
    <ul>
      {props.sections.map((section) => (
        <li>
          <a
            href={`/${section.slug}`}
            aria-current={section.slug === props.active ? 'page' : undefined}
          >
            {section.name}
          </a>
        </li>
      ))}
    </ul>
  )
}

function OpenGraph(props: {
  site: SiteIdentity
  meta: PageMeta
  title: string
  canonical: string | undefined
}) {
  const { meta } = props
  const article = meta.article
  return (
    <>
      <meta property="og:site_name" content={props.site.name} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      {props.canonical === undefined ? null : <meta property="og:url" content={props.canonical} />}
      <meta property="og:type" content={meta.ogType ?? 'website'} />
      <meta property="og:locale" content={props.site.language.replace('-', '_')} />
      {meta.image === undefined ? null : (
        <>
          <meta property="og:image" content={meta.image.url} />
          <meta property="og:image:width" content={meta.image.width} />
          <meta property="og:image:height" content={meta.image.height} />
          <meta property="og:image:alt" content={meta.image.alt} />
        </>
      )}
      {article === undefined ? null : (
        <>
          <meta property="article:published_time" content={article.publishedTime.toISOString()} />
          <meta property="article:modified_time" content={article.modifiedTime.toISOString()} />
          <meta property="article:section" content={article.section} />
          {article.tags.map((tag) => (
            <meta property="article:tag" content={tag} />
          ))}
        </>
      )}
      <meta
        name="twitter:card"
        content={meta.image === undefined ? 'summary' : 'summary_large_image'}
      />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      {meta.image === undefined ? null : (
        <>
          <meta name="twitter:image" content={meta.image.url} />
          <meta name="twitter:image:alt" content={meta.image.alt} />
        </>
      )}
    </>
  )
}
