/** A tiny template filler for demo prose: `{slot}` values from a frame, `[a|b|c]` picked at random. */

import type { SeededRandom } from '../../lib/seeded-random.js'

/** The values one story's templates may name. */
export type Frame = Readonly<Record<string, string>>

const CHOICE = /\[([^[\]]*\|[^[\]]*)\]/g
const SLOT = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g

/**
 * Fills `template`: first each `[a|b]` becomes one option, then each `{slot}` its frame value.
 * A slot missing from the frame is a bug in the word banks, so it throws.
 * @example fill('[Rain|Wind] hits {place}', { place: 'Busan' }, random) // → 'Wind hits Busan'
 */
export function fill(template: string, frame: Frame, random: SeededRandom): string {
  const chosen = template.replace(CHOICE, (_, options: string) => random.pick(options.split('|')))
  return chosen.replace(SLOT, (_, name: string) => {
    const value = frame[name]
    if (value === undefined)
      throw new Error(`demo template names an unknown slot {${name}}: ${template}`)
    return value
  })
}

/** `text` with its first letter in upper case (templates often start with a slot like "the port"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Draws from a shuffled copy of `items` without repeats; undefined once `limit` (or all) are used. */
export function createDeck<T>(
  items: readonly T[],
  random: SeededRandom,
  limit = items.length,
): () => T | undefined {
  const deck = random.shuffle(items).slice(0, limit)
  return () => deck.pop()
}
