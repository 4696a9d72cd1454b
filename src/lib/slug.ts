/** URL slugs: lower-case ASCII words joined by hyphens. */

const MAX_SLUG_LENGTH = 80

/** Turns a title into a URL slug ("Rain in Đà Nẵng!" → "rain-in-da-nang"). */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
  const slug = ascii
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_SLUG_LENGTH) return slug
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, '')
}

/** True when `value` is already a well-formed slug. */
export function isSlug(value: string): boolean {
  return (
    value.length > 0 && value.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
  )
}
