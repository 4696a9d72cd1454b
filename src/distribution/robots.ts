/** robots.txt: every crawler welcome except under the configured prefixes; the sitemap index named. */

/** The robots.txt body (RFC 9309) for `disallow` prefixes, naming the sitemap index at `sitemapUrl`. */
export function robotsTxt(disallow: readonly string[], sitemapUrl: string): string {
  const rules = disallow.length === 0 ? ['Allow: /'] : disallow.map((path) => `Disallow: ${path}`)
  return ['User-agent: *', ...rules, '', `Sitemap: ${sitemapUrl}`, ''].join('\n')
}
