/** Old addresses from other platforms, reduced to the one form they are stored and looked up in. */

const MAX_LENGTH = 2000
const BASE = 'http://old.invalid'

/**
 * The lookup key of an address (absolute URL or path): its path without a trailing slash, plus
 * its query with the parameters sorted (WordPress's `/?p=123`). Undefined for the home page and
 * for what is no web address.
 * @example redirectKey('https://old.example/2019/05/harbour-opens/') // → '/2019/05/harbour-opens'
 */
export function redirectKey(address: string): string | undefined {
  let url: URL
  try {
    url = new URL(address.trim(), BASE)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : '/'
  url.searchParams.sort()
  const query = url.searchParams.toString()
  if (path === '/' && query === '') return undefined
  const key = query === '' ? path : `${path}?${query}`
  return key.length > MAX_LENGTH ? undefined : key
}

/** The distinct lookup keys of `addresses`, dropping what cannot be one. */
export function redirectKeys(addresses: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const address of addresses) {
    const key = redirectKey(address)
    if (key !== undefined) keys.add(key)
  }
  return [...keys]
}
