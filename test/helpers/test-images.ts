/** Tiny images made with sharp for upload tests: one per accepted type, and a JPEG with GPS EXIF. */

import sharp from 'sharp'

export type TestImageFormat = 'jpeg' | 'png' | 'webp' | 'avif'

/** The MIME type a browser declares for each test format. */
export const TEST_IMAGE_TYPES: Record<TestImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
}

/** A `width`×`height` gradient-free coloured image in `format` (small and quick to encode). */
export async function testImage(
  format: TestImageFormat,
  size: { width: number; height: number } = { width: 64, height: 48 },
): Promise<Buffer> {
  const image = sharp({
    create: { ...size, channels: 3, background: { r: 40, g: 120, b: 200 } },
  })
  switch (format) {
    case 'jpeg':
      return image.jpeg().toBuffer()
    case 'png':
      return image.png().toBuffer()
    case 'webp':
      return image.webp().toBuffer()
    case 'avif':
      return image.avif({ effort: 0 }).toBuffer()
  }
}

/** A JPEG carrying camera EXIF with a GPS position (IFD3) and an XMP packet. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Leak 1', Copyright: 'Somebody' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '59/1 20/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '18/1 4/1 0/1',
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Person</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .jpeg()
    .toBuffer()
}
