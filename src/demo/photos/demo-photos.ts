/** Generates the demo's photo library locally (landscapes and author portraits) and stores it via media. */

import type { SeededRandom } from '../../lib/seeded-random.js'
import type { EncodedPhoto, Media, Photo } from '../../media/index.js'
import { drawingKey, readPrebuiltPhoto } from './prebuilt-photos.js'
import { landscapeSvg } from './landscape-svg.js'
import { portraitSvg } from './portrait-svg.js'

/** Credits as the photo caption shows them after "Photo: ". */
const CREDITS = [
  'Mira Osei / The Harbour Ledger',
  'Felix Amundsen / The Harbour Ledger',
  'Rosa Tanabe / The Harbour Ledger',
  'Tidewater Press Agency',
  'Northlight Images',
  'Meridian Wire Photo',
  'Coastline Pictures',
]

const CAPTIONS: Record<string, readonly string[]> = {
  skyline: [
    'Office towers and apartment blocks line the waterfront.',
    'The city’s skyline seen from a passing ferry.',
  ],
  'open sea': [
    'The shipping lane beyond the breakwater.',
    'Calm water on the approach to the harbour.',
  ],
  hills: [
    'Terraced hills above a coastal town.',
    'The ridge behind the bay, where new housing is planned.',
  ],
  'container port': [
    'Cranes and containers at a busy terminal.',
    'Boxes stacked along the quay, waiting for the next ship.',
  ],
  islands: [
    'A small island at the mouth of the bay.',
    'One of the outlying islands served by the morning ferry.',
  ],
}

/** How many photos save at once: each already encodes its renditions in parallel. */
const CONCURRENCY = 2

export interface DemoPhotoLibrary {
  landscapes: Photo[]
  portraits: Photo[]
}

/** One drawing of the demo's library and the texts it is stored with. */
export interface DemoDrawing {
  svg: string
  input: { alt: string; caption: string; credit: string }
}

/** Draws the library in order: `landscapes` landscapes, then one portrait per name. */
export function drawDemoPhotos(
  random: SeededRandom,
  counts: { landscapes: number; portraitsOf: readonly string[] },
): DemoDrawing[] {
  const drawings: DemoDrawing[] = []
  for (let i = 0; i < counts.landscapes; i++) {
    const picture = landscapeSvg(i, random)
    const caption = random.pick(CAPTIONS[picture.scene] ?? [''])
    const credit = random.pick(CREDITS)
    drawings.push({ svg: picture.svg, input: { alt: picture.alt, caption, credit } })
  }
  for (const name of counts.portraitsOf) {
    drawings.push({
      svg: portraitSvg(random),
      input: { alt: `Portrait of ${name}`, caption: '', credit: 'The Harbour Ledger' },
    })
  }
  return drawings
}

/**
 * Draws `landscapes` landscapes and one portrait per name in `portraitsOf`, stores them all, and
 * reports "photos i/n" through `onProgress`.
 */
export async function createDemoPhotos(
  media: Media,
  random: SeededRandom,
  counts: { landscapes: number; portraitsOf: readonly string[] },
  onProgress: (message: string) => void,
  /** Photos encoded at build time (prebuilt-photos.ts); missing entries are encoded here. */
  prebuiltDir?: string,
): Promise<DemoPhotoLibrary> {
  const jobs = drawDemoPhotos(random, counts).map(
    (drawing) => () => save(media, drawing.svg, drawing.input, prebuiltDir),
  )

  const saved: Photo[] = new Array<Photo>(jobs.length)
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++
      const job = jobs[index]
      if (job === undefined) continue
      saved[index] = await job()
      onProgress(`photos ${++done}/${jobs.length}`)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return {
    landscapes: saved.slice(0, counts.landscapes),
    portraits: saved.slice(counts.landscapes),
  }
}

async function save(
  media: Media,
  svg: string,
  input: { alt: string; caption: string; credit: string },
  prebuiltDir: string | undefined,
): Promise<Photo> {
  const key = drawingKey(svg)
  const prebuilt = prebuiltDir === undefined ? undefined : await readPrebuiltPhoto(prebuiltDir, key)
  if (prebuilt !== undefined) return media.saveEncodedPhoto(prebuilt, input)
  return media.saveEncodedPhoto(await encodeDrawing(media, svg), input)
}

/** Encodes a drawing's renditions (what the build stores in dist/demo-photos/ ahead of time). */
export async function encodeDrawing(
  media: Pick<Media, 'encodePhoto'>,
  svg: string,
): Promise<EncodedPhoto> {
  // Loaded here, not at import: the server imports the demo but seeds it only on an empty database.
  const { default: sharp } = await import('sharp')
  // Media refuses SVG uploads, so the drawing is rasterised first (uncompressed: it is thrown away).
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 0 }).toBuffer()
  return media.encodePhoto(png)
}
