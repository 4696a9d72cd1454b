/**
 * Reduces a referrer to the one thing the dashboard keeps: its host name, lower case. Paths,
 * queries, ports, credentials and address literals never survive, so a stored referrer cannot
 * point at a reader or at a private page.
 */

/** Longest host name DNS allows. */
const MAX_HOST = 253
/** A host name after URL parsing (IDNs arrive as punycode): letters, digits, dots and hyphens. */
const HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/
const IPV4 = /^[0-9]+(?:\.[0-9]+){3}$/
/** Schemes a reader can arrive from (an Android app names itself as android-app://package/). */
const SCHEMES = new Set(['http:', 'https:', 'android-app:'])

/**
 * The host name of `referrer` (a full URL, or a bare host as the beacon sends it), without a
 * leading "www." and a trailing dot; undefined when it is empty, not a URL of a web page or an
 * app, or an IP address.
 * @example referrerHost('https://WWW.Example.org/a?b=c') // 'example.org'
 */
export function referrerHost(referrer: string | undefined): string | undefined {
  if (referrer === undefined || referrer === '' || referrer.length > 2048) return undefined
  let url: URL
  try {
    url = new URL(referrer.includes('://') ? referrer : `https://${referrer}`)
  } catch {
    return undefined
  }
  if (!SCHEMES.has(url.protocol)) return undefined
  let host = url.hostname.toLowerCase()
  if (host.endsWith('.')) host = host.slice(0, -1)
  if (host.startsWith('www.')) host = host.slice(4)
  if (host.length === 0 || host.length > MAX_HOST || !HOST.test(host)) return undefined
  // Addresses are never kept: "[::1]" fails HOST above, a dotted quad is caught here.
  if (IPV4.test(host)) return undefined
  return host
}
