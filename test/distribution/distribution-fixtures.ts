/** Distribution over a real newsroom on the test database, and the independent checks its output must pass. */

import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { DEFAULT_DISTRIBUTION } from '../../src/config.js'
import type { Db } from '../../src/db/database.js'
import { createDistribution, type Distribution } from '../../src/distribution/index.js'
import { distributionLinks } from '../../src/web/distribution/distribution-links.js'
import { newsroomFixture, type NewsroomFixture } from '../newsroom/newsroom-fixtures.js'

export const SITE = {
  url: 'https://news.example.org',
  name: 'The Harbour Ledger',
  language: 'en-GB',
}

export interface DistributionFixture extends NewsroomFixture {
  distribution: Distribution
  /** Sizes of the media files the feeds find, by public path (the rest count as missing). */
  fileSizes: Map<string, number>
}

/** A newsroom fixture with distribution over it (`paging` shrinks sitemap files for tests). */
export async function distributionFixture(
  db: Db,
  options: {
    feedContent?: 'full' | 'excerpt'
    paging?: { blockSize: number; pageSize: number }
  } = {},
): Promise<DistributionFixture> {
  const f = await newsroomFixture(db)
  const fileSizes = new Map<string, number>()
  const distribution = createDistribution({
    newsroom: f.newsroom,
    fileSize: async (publicPath) => fileSizes.get(publicPath),
    clock: f.clock,
    site: SITE,
    links: distributionLinks,
    settings: { ...DEFAULT_DISTRIBUTION, feedContent: options.feedContent ?? 'full' },
    ...(options.paging === undefined ? {} : { sitemapPaging: options.paging }),
  })
  return { ...f, distribution, fileSizes }
}

/** Parses XML with fast-xml-parser after checking it is well-formed; attributes as `@_name`. */
export function parseXml(xml: string, arrays: readonly string[] = []): Record<string, unknown> {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Text stays text: a title of digits must not turn into a number.
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => arrays.includes(name),
  })
  return parser.parse(xml) as Record<string, unknown>
}

/** Concatenates a streamed sitemap file. */
export async function collect(chunks: AsyncIterable<string> | undefined): Promise<string> {
  if (chunks === undefined) throw new Error('no such sitemap')
  let text = ''
  for await (const chunk of chunks) text += chunk
  return text
}

const SCHEMAS = path.resolve(import.meta.dirname, 'schemas')

/** True when xmllint (Debian: libxml2-utils) is installed. */
export function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Why XSD tests are skipped here, or undefined when they run (MASTHEAD_REQUIRE_ALL=1 insists). */
export const xsdSkip: string | undefined =
  hasXmllint() || process.env.MASTHEAD_REQUIRE_ALL === '1'
    ? undefined
    : 'xmllint is not installed (apt-get install libxml2-utils): XSD validation skipped'

/**
 * Validates `xml` against our XSD of the sitemaps.org urlset (with the image and news
 * extensions) or the sitemap index; throws with xmllint's message when it does not validate.
 */
export function validateSitemap(xml: string, schema: 'urlset' | 'index'): void {
  const file = path.join(SCHEMAS, schema === 'urlset' ? 'sitemap.xsd' : 'siteindex.xsd')
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', file, '-'], {
      input: xml,
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error)
    throw new Error(
      `sitemap does not validate against ${path.basename(file)}:\n${stderr.slice(0, 2000)}`,
    )
  }
}
