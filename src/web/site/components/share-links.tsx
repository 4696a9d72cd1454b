/** "Share it on…": plain links to each network's share page, e-mail and copy-link; no script, no tracker. */

import type { SafeHtml } from '../../render/html.js'

/** One share target: a name and the address that opens its share dialog for `url`. */
interface ShareTarget {
  name: string
  href: (url: string, title: string) => string
}

const q = encodeURIComponent

const TARGETS: readonly ShareTarget[] = [
  { name: 'X', href: (url, title) => `https://x.com/intent/post?text=${q(title)}&url=${q(url)}` },
  { name: 'Facebook', href: (url) => `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
  {
    name: 'LinkedIn',
    href: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}`,
  },
  {
    name: 'Reddit',
    href: (url, title) => `https://www.reddit.com/submit?url=${q(url)}&title=${q(title)}`,
  },
  { name: 'WhatsApp', href: (url, title) => `https://wa.me/?text=${q(`${title} ${url}`)}` },
  {
    name: 'Bluesky',
    href: (url, title) => `https://bsky.app/intent/compose?text=${q(`${title} ${url}`)}`,
  },
  {
    name: 'Telegram',
    href: (url, title) => `https://t.me/share/url?url=${q(url)}&text=${q(title)}`,
  },
]

/** The share block for the story at absolute `url`. */
export function ShareLinks(props: { url: string; title: string }): SafeHtml {
  const mailto = `mailto:?subject=${q(props.title)}&body=${q(`${props.title}\n\n${props.url}`)}`
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="block-title">
        Share it on…
      </h2>
      <ul class="share-list">
        {TARGETS.map((target) => (
          <li>
            <a href={target.href(props.url, props.title)} target="_blank" rel="noopener noreferrer">
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
            data-copy-link={props.url}
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
