/** Reads a plain-text file of wire stories as import records, one story in memory at a time. */

import type { ImportRecord } from '../types.js'
import { wireStories } from './wire-stories.js'
import { type WireContext, wireStoryRecords } from './wire-story.js'

/**
 * Yields authors and stories (or malformed records) for every story in `source`.
 * @example for await (const r of readWireFile(fs.createReadStream(f), { file: 'wire.txt', now: new Date() })) …
 */
export async function* readWireFile(
  source: AsyncIterable<Uint8Array>,
  where: { file: string; now: Date },
): AsyncGenerator<ImportRecord> {
  const context: WireContext = { ...where, sent: new Set() }
  for await (const chunk of wireStories(source)) yield* wireStoryRecords(chunk, context)
}
