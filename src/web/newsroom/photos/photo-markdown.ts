/** The Markdown that places a library photo in a story's body. */

/**
 * `![alt](photo:ID)`, with the alt text on one line and its brackets escaped so it cannot end the
 * description early. An empty description lets the library's alt text apply when rendering.
 * @example photoMarkdown({ id: 12, alt: 'Ferry [at dawn]' }) // '![Ferry \\[at dawn\\]](photo:12)'
 */
export function photoMarkdown(photo: { id: number; alt: string }): string {
  const alt = photo.alt
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, (c) => `\\${c}`)
  return `![${alt}](photo:${photo.id})`
}
