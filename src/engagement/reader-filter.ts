/** Pure rules for which requests are a person reading: bots, link previews, prefetches and HEAD are not. */

/** What the counter learns about one request; header names are lower-case, as Node gives them. */
export interface ViewRequest {
  /** The HTTP method ('GET' for a page, 'POST' for the beacon). */
  method: string
  /** The client's address (the proxy's view of it when MASTHEAD_TRUST_PROXY is on). */
  address: string
  /** The request headers (user-agent and the prefetch hints are read). */
  headers: Readonly<Record<string, string | string[] | undefined>>
  /**
   * Where the reader came from: the beacon's `ref` ('' for none). Undefined for a page request,
   * whose Referer header is read instead (a beacon's own Referer is our story page).
   */
  referrer?: string | undefined
}

/** Why a request was not counted, or 'reader' when it is a person reading. */
export type ReaderVerdict = 'reader' | 'head' | 'no-agent' | 'bot' | 'prefetch'

/**
 * Substrings of user agents that are crawlers, monitors, HTTP libraries or link-preview fetchers
 * (Slackbot, Discordbot, WhatsApp, TelegramBot, facebookexternalhit, Twitterbot, LinkedInBot,
 * SkypeUriPreview, Bluesky's Cardyb…), lower-case. Generic markers ("bot", "crawl", "spider",
 * "preview") catch new crawlers without a release; app names alone ("LinkedInApp", "Discord/") are
 * not listed because those apps' in-app browsers carry people.
 */
const BOT_MARKERS = [
  'bot',
  'crawl',
  'spider',
  'slurp',
  'scrape',
  'preview',
  'facebookexternalhit',
  'whatsapp/',
  'slack-imgproxy',
  'flipboardproxy',
  'http.rb',
  'cardyb',
  'facebookcatalog',
  'meta-externalagent',
  'skypeuripreview',
  'embedly',
  'quora link',
  'vkshare',
  'redditbot',
  'mastodon',
  'outbrain',
  'nuzzel',
  'bitlybot',
  'iframely',
  'google-read-aloud',
  'lighthouse',
  'headlesschrome',
  'phantomjs',
  'python',
  'curl/',
  'wget/',
  'httpie',
  'go-http-client',
  'java/',
  'okhttp',
  'axios/',
  'node-fetch',
  'undici',
  'libwww',
  'lwp::',
  'http_request',
  'feedfetcher',
  'feedly',
  'newsblur',
  'inoreader',
  'ia_archiver',
  'archive.org',
  'uptime',
  'pingdom',
  'statuscake',
  'monitor',
  'check_http',
  'validator',
  'semrush',
  'ahrefs',
  'mj12',
  'dotbot',
  'petalbot',
  'yandex',
  'baidu',
  'bytespider',
  'gptbot',
  'chatgpt',
  'claude',
  'perplexity',
  'ccbot',
  'amazonbot',
  'applebot',
]

// One regular expression over all markers: a single native scan instead of a loop of includes().
const BOT_PATTERN = new RegExp(
  BOT_MARKERS.map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'),
  'i',
)

/** Prefetch and prerender hints browsers and proxies send (Sec-Purpose, Purpose, X-Purpose, X-Moz). */
export const PREFETCH_HEADERS = ['sec-purpose', 'purpose', 'x-purpose', 'x-moz'] as const
const PREFETCH_PATTERN = /prefetch|prerender|preview/i

/** The user agent of `request`, or '' when it sent none. */
export function userAgentOf(request: ViewRequest): string {
  const agent = request.headers['user-agent']
  return typeof agent === 'string' ? agent : ''
}

/** True when `userAgent` names a crawler, a monitor, a library or a link-preview fetcher. */
export function isBotAgent(userAgent: string): boolean {
  return BOT_PATTERN.test(userAgent)
}

/** Whether `request` is a person reading, and if not, why (see the module header). */
export function readerVerdict(request: ViewRequest): ReaderVerdict {
  const cheap = verdictBesidesAgent(request)
  if (cheap !== 'reader') return cheap
  return isBotAgent(userAgentOf(request)) ? 'bot' : 'reader'
}

/**
 * readerVerdict without the user-agent pattern (the costly part, which the counter memoizes per
 * distinct agent): HEAD, a missing agent and prefetch hints.
 */
export function verdictBesidesAgent(request: ViewRequest): ReaderVerdict {
  if (request.method === 'HEAD') return 'head'
  // Browsers always send a user agent; a request without one is a script.
  if (userAgentOf(request).length < 8) return 'no-agent'
  for (const name of PREFETCH_HEADERS) {
    const value = request.headers[name]
    if (value === undefined) continue
    const text = Array.isArray(value) ? value.join(',') : value
    if (PREFETCH_PATTERN.test(text)) return 'prefetch'
  }
  return 'reader'
}
