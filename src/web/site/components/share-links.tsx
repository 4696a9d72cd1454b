/** "Share it on…": plain links to each network's share page, e-mail and copy-link; no script, no tracker. */

import type { SafeHtml } from '../../render/html.js'

/** One share target: a name, its utm_source and the address that opens its share dialog for `url`. */
interface ShareTarget {
  name: string
  source: string
  href: (url: string, title: string) => string
}

/** Campaign parameters a site may add to shared links (config.distribution.shareUtm). */
export interface ShareUtm {
  readonly medium: string
  readonly campaign: string
}

const q = encodeURIComponent

const TARGETS: readonly ShareTarget[] = [
  {
    name: 'X',
    source: 'x',
    href: (url, title) => `https://x.com/intent/post?text=${q(title)}&url=${q(url)}`,
  },
  {
    name: 'Facebook',
    source: 'facebook',
    href: (url) => `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`,
  },
  {
    name: 'LinkedIn',
    source: 'linkedin',
    href: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}`,
  },
  {
    name: 'Reddit',
    source: 'reddit',
    href: (url, title) => `https://www.reddit.com/submit?url=${q(url)}&title=${q(title)}`,
  },
  {
    name: 'WhatsApp',
    source: 'whatsapp',
    href: (url, title) => `https://wa.me/?text=${q(`${title} ${url}`)}`,
  },
  {
    name: 'Bluesky',
    source: 'bluesky',
    href: (url, title) => `https://bsky.app/intent/compose?text=${q(`${title} ${url}`)}`,
  },
  {
    name: 'Telegram',
    source: 'telegram',
    href: (url, title) => `https://t.me/share/url?url=${q(url)}&text=${q(title)}`,
  },
]

/**
 * The address shared for `target`: the canonical URL with no query or fragment, plus the site's
 * campaign parameters (utm_source = the network) when it sets them.
 * @example sharedUrl('https://x.org/asia/s?a=1#c', 'email', null) // 'https://x.org/asia/s'
 */
export function sharedUrl(url: string, source: string, utm: ShareUtm | null | undefined): string {
  const clean = new URL(url)
  clean.search = ''
  clean.hash = ''
  if (utm !== null && utm !== undefined) {
    clean.searchParams.set('utm_source', source)
    clean.searchParams.set('utm_medium', utm.medium)
    if (utm.campaign !== '') clean.searchParams.set('utm_campaign', utm.campaign)
  }
  return clean.href
}

/**
 * The share block for the story at absolute `url`. The copy-link button copies the clean
 * canonical URL: readers paste it anywhere, so it names no network.
 */
export function ShareLinks(props: { url: string; title: string; utm?: ShareUtm | null }): SafeHtml {
  const canonical = sharedUrl(props.url, '', null)
  const mailUrl = sharedUrl(props.url, 'email', props.utm)
  const mailto = `mailto:?subject=${q(props.title)}&body=${q(`${props.title}\n\n${mailUrl}`)}`
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="block-title">
        Share it on…
      </h2>
      <ul class="share-list">
        {TARGETS.map((target) => (
          <li>
            <a
              href={target.href(sharedUrl(props.url, target.source, props.utm), props.title)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {target.name}
              <span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          </li>
        ))}
        <li>
          <a href={mailto}>E-mail</a>
        </li>
        <li>
          {/* Hidden until the copy-link script runs: without JavaScript it could not work. */}
          <button
            type="button"
            class="button"
            data-copy-link={canonical}
            aria-controls="copy-status"
            hidden
          >
            Copy link
          </button>
          <span id="copy-status" role="status"></span>
        </li>
      </ul>
    </section>
  )
}
