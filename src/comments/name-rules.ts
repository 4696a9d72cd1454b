/**
 * Pure rules for display names that pretend to be someone: invisible characters, and names whose
 * look-alike skeleton is the site's or a staff member's ("Тhe Наrbour Ledger" in Cyrillic).
 */

/** The names readers may not take: the site's (not even inside a longer name) and the staff's. */
export interface ReservedNames {
  site: readonly string[]
  staff: readonly string[]
}

/**
 * Characters that change how a name shows without showing themselves: bidi embeddings,
 * overrides and isolates (U+202A–202E, U+2066–2069), marks (U+200E/200F, U+061C), zero-width
 * characters (U+200B–200D, U+2060–2064, U+FEFF, U+180E, U+034F combining grapheme joiner),
 * and the tag characters (U+E0000–E007F).
 */
const INVISIBLE =
  /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\u034F|\u{E0000}|[\u{E0001}-\u{E007F}]/u

/** True when `name` holds a character that is invisible or reorders the text around it. */
export function hasInvisibleCharacter(name: string): boolean {
  return INVISIBLE.test(name)
}

/**
 * Latin look-alikes of common Cyrillic and Greek letters (lower case, after NFKD and case
 * folding). Partial on purpose: it covers the letters that pass for Latin in ordinary fonts,
 * not Unicode's whole confusables table (UTS #39), which is thousands of entries.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  н: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'i',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'h',
  μ: 'm',
  ι: 'i',
  κ: 'k',
  ν: 'n',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'y',
  ϲ: 'c',
  χ: 'x',
  ζ: 'z',
  // Digits and Latin letters that pass for others (capital I and small l look alike)
  '0': 'o',
  '1': 'i',
  l: 'i',
  '3': 'e',
  '5': 's',
  ı: 'i',
  ł: 'i',
}

/**
 * The look-alike skeleton of `text`: compatibility forms folded (NFKD), accents and invisible
 * characters dropped, lower case, look-alikes mapped to Latin, "rn" read as "m", and every run
 * of other characters (spaces, dots, dashes) one space.
 * @example nameSkeleton('Тhe  Наrbour-Ledger') // → 'the harbour iedger'
 */
export function nameSkeleton(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
  let out = ''
  for (const ch of folded) out += LOOKALIKES[ch] ?? ch
  return out
    .replace(/rn/g, 'm')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * True when `name` imitates a reserved name: its skeleton holds the site's skeleton as whole
 * words, or equals a staff member's.
 */
export function imitatesReservedName(name: string, reserved: ReservedNames): boolean {
  const skeleton = ` ${nameSkeleton(name)} `
  for (const site of reserved.site) {
    const wanted = nameSkeleton(site)
    if (wanted !== '' && skeleton.includes(` ${wanted} `)) return true
  }
  const exact = skeleton.trim()
  return reserved.staff.some((staff) => nameSkeleton(staff) === exact && exact !== '')
}
