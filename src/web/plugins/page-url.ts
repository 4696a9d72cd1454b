/** The page cache's view of a URL: tracking parameters dropped, the rest in a stable order. */

/** True for campaign and click-id parameters that never change what a page shows. */
export function isTrackingParam(name: string): boolean {
  return name.startsWith('utm_') || name === 'fbclid' || name === 'gclid'
}

/**
 * The cache key for a request URL: the path, plus the non-tracking parameters sorted.
 * @example pageCacheKey('/world?utm_source=x&page=2') // '/world?page=2'
 */
export function pageCacheKey(url: string): string {
  const mark = url.indexOf('?')
  if (mark === -1) return url
  const kept = [...new URLSearchParams(url.slice(mark + 1))].filter(
    ([name]) => !isTrackingParam(name),
  )
  const path = url.slice(0, mark)
  if (kept.length === 0) return path
  kept.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
  return `${path}?${new URLSearchParams(kept).toString()}`
}

function compare(a: string, b: string): number {
  if (a === b) return 0
  return a < b ? -1 : 1
}
