/**
 * Sitemaps by streaming: each file is read in keyset pages of PAGE_SIZE ids and handed out page
 * by page, so memory stays flat whatever the catalogue's size. Stories, authors and tags are
 * split into files by blocks of id (file n holds ids (n-1)·50,000+1 … n·50,000): an entry stays
 * in the same file for good, and no file can exceed the protocol's 50,000 URLs.
 */

import type { Clock } from '../../lib/clock.js'
import { photoVariants } from '../../media/index.js'
import type { ListedStory, Newsroom } from '../../newsroom/index.js'
import { absolute, type SiteIdentity, type SiteLinks } from '../links.js'
import {
  newsEntry,
  newsLanguage,
  sitemapIndex,
  URLSET_CLOSE,
  urlEntry,
  urlsetOpen,
} from './sitemap-xml.js'

/** Ids per sitemap file: the protocol's limit of 50,000 URLs per file. */
export const SITEMAP_BLOCK = 50_000
/** Rows per database round trip while streaming. */
const PAGE_SIZE = 1000
/** Google News takes stories of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 3600 * 1000
export const NEWS_LIMIT = 1000

type Paged = 'stories' | 'authors' | 'tags'
const FILE_NAME = /^(stories|authors|tags)-([1-9][0-9]{0,5})$/

export interface SitemapDeps {
  newsroom: Newsroom
  site: SiteIdentity
  links: SiteLinks
  clock: Clock
  /** Ids per file (tests use a small one); the protocol's 50,000 by default. */
  blockSize?: number
  /** Rows per database round trip (tests use a small one). */
  pageSize?: number
}

export interface Sitemaps {
  /** The sitemap index: every non-empty file with its newest change. */
  index(): Promise<{ body: string; lastModified: Date | null }>
  /**
   * The named file as a stream of chunks, or undefined when there is no such file (an unknown
   * name, or a block with nothing visible in it). The first page is read before answering.
   */
  open(name: string): Promise<AsyncIterable<string> | undefined>
}

/** Creates the sitemap service. */
export function createSitemaps({
  newsroom,
  site,
  links,
  clock,
  blockSize = SITEMAP_BLOCK,
  pageSize = PAGE_SIZE,
}: SitemapDeps): Sitemaps {
  const { listings } = newsroom
  const maxBlock = Math.floor(2_147_483_647 / blockSize)
  const url = (path: string): string => absolute(site, path)

  const storyEntry = (story: ListedStory): string => {
    const image = story.leadPhoto === null ? undefined : largestJpeg(story.leadPhoto)
    return urlEntry({
      loc: url(links.story(story)),
      lastmod: story.lastModified,
      images: image === undefined ? [] : [url(image)],
    })
  }

  /** Streams block `block` of `kind`, starting with its already-read first page. */
  async function* blockFile(
    kind: Paged,
    block: number,
    first: { id: number; chunk: string; full: boolean },
  ): AsyncGenerator<string> {
    yield urlsetOpen({ image: kind === 'stories' })
    yield first.chunk
    const throughId = block * blockSize
    let last = first
    while (last.full) {
      const next = await readPage(kind, { afterId: last.id, throughId })
      if (next === undefined) break
      yield next.chunk
      last = next
    }
    yield URLSET_CLOSE
  }

  /** One keyset page of `kind` as XML, with the last id read; undefined when empty. */
  async function readPage(
    kind: Paged,
    range: { afterId: number; throughId: number },
  ): Promise<{ id: number; chunk: string; full: boolean } | undefined> {
    if (kind === 'stories') {
      const stories = await listings.storiesInRange(range, pageSize)
      const lastStory = stories[stories.length - 1]
      if (lastStory === undefined) return undefined
      return {
        id: lastStory.id,
        chunk: stories.map(storyEntry).join(''),
        full: stories.length === pageSize,
      }
    }
    const path = kind === 'authors' ? links.author.bind(links) : links.tag.bind(links)
    // Skip over pages whose authors or tags have no visible story yet.
    let afterId = range.afterId
    for (;;) {
      const page = await listings.entriesInRange(kind, { ...range, afterId }, pageSize)
      if (page.entries.length > 0) {
        const chunk = page.entries
          .map((e) => urlEntry({ loc: url(path(e)), lastmod: e.lastModified }))
          .join('')
        return { id: page.nextAfterId ?? range.throughId, chunk, full: page.nextAfterId !== null }
      }
      if (page.nextAfterId === null) return undefined
      afterId = page.nextAfterId
    }
  }

  async function sectionsFile(): Promise<string[]> {
    const sections = await listings.sections()
    let newest: Date | null = null
    for (const s of sections)
      if (s.lastModified !== null && (newest === null || s.lastModified > newest))
        newest = s.lastModified
    return [
      urlsetOpen(),
      urlEntry({ loc: url('/'), lastmod: newest }),
      ...sections.map((s) => urlEntry({ loc: url(links.section(s)), lastmod: s.lastModified })),
      URLSET_CLOSE,
    ]
  }

  async function newsFile(): Promise<string[]> {
    const since = new Date(clock.now().getTime() - NEWS_WINDOW_MS)
    const stories = await listings.storiesSince(since, NEWS_LIMIT)
    const language = newsLanguage(site.language)
    return [
      urlsetOpen({ news: true }),
      ...stories.map((story) =>
        newsEntry({
          loc: url(links.story(story)),
          publicationName: site.name,
          language,
          published: story.publishedAt,
          title: story.headline,
        }),
      ),
      URLSET_CLOSE,
    ]
  }

  return {
    async index() {
      const since = new Date(clock.now().getTime() - NEWS_WINDOW_MS)
      const [sections, stories, authors, tags, news] = await Promise.all([
        listings.sections(),
        listings.ranges('stories', blockSize),
        listings.ranges('authors', blockSize),
        listings.ranges('tags', blockSize),
        listings.storiesSince(since, 1),
      ])
      let newest: Date | null = null
      const note = (at: Date | null): Date | null => {
        if (at !== null && (newest === null || at > newest)) newest = at
        return at
      }
      const entries = [
        {
          loc: url(links.sitemap('sections')),
          lastmod: sections.reduce<Date | null>((max, s) => {
            note(s.lastModified)
            return s.lastModified !== null && (max === null || s.lastModified > max)
              ? s.lastModified
              : max
          }, null),
        },
        ...(
          [
            ['stories', stories],
            ['authors', authors],
            ['tags', tags],
          ] as const
        ).flatMap(([kind, blocks]) =>
          blocks.map((b) => ({
            loc: url(links.sitemap(`${kind}-${b.block}`)),
            lastmod: note(b.lastModified),
          })),
        ),
        ...news.map((story) => ({
          loc: url(links.sitemap('news')),
          lastmod: note(story.lastModified),
        })),
      ]
      return { body: sitemapIndex(entries), lastModified: newest }
    },

    async open(name) {
      if (name === 'sections') return toStream(await sectionsFile())
      if (name === 'news') return toStream(await newsFile())
      const match = FILE_NAME.exec(name)
      if (match === null) return undefined
      const kind = match[1] as Paged
      const block = Number(match[2])
      if (block > maxBlock) return undefined
      const first = await readPage(kind, {
        afterId: (block - 1) * blockSize,
        throughId: block * blockSize,
      })
      return first === undefined ? undefined : blockFile(kind, block, first)
    },
  }
}

async function* toStream(chunks: readonly string[]): AsyncGenerator<string> {
  yield* chunks
}

/** The lead photo's largest JPEG rendition (what image search should index). */
function largestJpeg(photo: {
  storageKey: string
  width: number
  height: number
}): string | undefined {
  const jpegs = photoVariants(photo).filter((v) => v.format === 'jpeg')
  return jpegs[jpegs.length - 1]?.url
}
