/** The plain text of a story's sanitized HTML body: what search indexes and cuts snippets from. */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** Decodes the character references a sanitized body contains (named basics and numeric ones). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' '
    }
    return NAMED[name.toLowerCase()] ?? whole
  })
}

/**
 * The text of `html` with tags removed and entities decoded, whitespace collapsed. The result is
 * text, never markup: the page escapes it like any other text.
 * @example plainTextOfHtml('<p>Ferries &amp; <em>tides</em></p>') // 'Ferries & tides'
 */
export function plainTextOfHtml(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}
