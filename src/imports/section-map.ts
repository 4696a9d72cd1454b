/** The `--sections` option: which of our sections each old section's stories go to. */

import { isSlug } from '../lib/slug.js'
import { importSectionMapInvalid } from './errors.js'

/**
 * Parses "old=new,old2=new2" (old: the source's section slug or id; new: one of our slugs).
 * @example parseSectionMap('politics=nation,uncategorized=news').get('politics') // → 'nation'
 */
export function parseSectionMap(text: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue
    const [from, to, extra] = entry.split('=').map((part) => part.trim())
    if (from === undefined || from === '' || to === undefined || extra !== undefined || !isSlug(to))
      throw importSectionMapInvalid(entry)
    map.set(from, to)
  }
  return map
}
