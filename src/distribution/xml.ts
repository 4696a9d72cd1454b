/** XML text: escaping for element content and attributes, and HTML made safe to leave the site. */

/** Characters XML 1.0 forbids anywhere (C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates). */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** `text` safe inside an element or a double-quoted attribute; forbidden characters are dropped. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** `<name>text</name>`, escaped; nothing for an empty or missing text. */
export function element(name: string, text: string | null | undefined): string {
  return text === null || text === undefined || text === ''
    ? ''
    : `<${name}>${escapeXml(text)}</${name}>`
}

/**
 * A body's root-relative links and image sources made absolute, for readers outside the site
 * (feed readers resolve relative URLs against the feed, or not at all). The body is our own
 * sanitized HTML, so attributes are double-quoted.
 */
export function absolutizeHtml(html: string, siteUrl: string): string {
  const base = siteUrl.replace(/\/+$/, '')
  const rooted = (url: string): string =>
    url.startsWith('/') && !url.startsWith('//') ? base + url : url
  return html
    .replace(
      /\s(href|src)="([^"]*)"/g,
      (_match, name: string, url: string) => ` ${name}="${rooted(url)}"`,
    )
    .replace(/\ssrcset="([^"]*)"/g, (_match, list: string) => {
      const entries = list.split(',').map((entry) => {
        const [url = '', ...rest] = entry.trim().split(/\s+/)
        return [rooted(url), ...rest].join(' ')
      })
      return ` srcset="${entries.join(', ')}"`
    })
}
