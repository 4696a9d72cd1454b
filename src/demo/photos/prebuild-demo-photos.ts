/** Encodes the default demo's photo library at build time (scripts/build.ts; see prebuilt-photos.ts). */

import { encodeImage } from '../../media/index.js'
import { DEMO_AUTHORS, landscapeCount } from '../outlet.js'
import { demoPhotoRandom } from '../seed-demo.js'
import { drawDemoPhotos, encodeDrawing } from './demo-photos.js'
import { drawingKey, writePrebuiltPhoto } from './prebuilt-photos.js'

/** Photos encoded at once: each already encodes its renditions in parallel. */
const CONCURRENCY = 2

/**
 * Draws the library `masthead start` generates on an empty database (seed 1, `articles` stories:
 * the configured default, every demo author) and writes each photo's renditions into `dir`.
 * Returns how many photos were written.
 */
export async function prebuildDemoPhotos(dir: string, articles: number): Promise<number> {
  const drawings = drawDemoPhotos(demoPhotoRandom(1), {
    landscapes: landscapeCount(articles),
    portraitsOf: DEMO_AUTHORS.map((a) => a.name),
  })
  let next = 0
  const worker = async (): Promise<void> => {
    for (let drawing = drawings[next++]; drawing !== undefined; drawing = drawings[next++]) {
      const encoded = await encodeDrawing({ encodePhoto: encodeImage }, drawing.svg)
      await writePrebuiltPhoto(dir, drawingKey(drawing.svg), encoded)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return drawings.length
}
