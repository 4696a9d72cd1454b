/** Streams stored media files (photo variants) from the media service's storage, cached forever. */

import fs from 'node:fs'
import path from 'node:path'
import fp from 'fastify-plugin'
import type { Media } from '../../media/index.js'
import { mediaNotFound } from './errors.js'

export interface MediaFilesOptions {
  media: Pick<Media, 'resolveFile'>
}

/** Only the raster formats we encode are served; anything else under /media is a 404. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
}

/** Registers GET /media/* (HEAD comes with it). */
export const mediaFilesPlugin = fp<MediaFilesOptions>(
  async (app, { media }) => {
    app.get<{ Params: { '*': string } }>('/media/*', async (request, reply) => {
      const relative = request.params['*']
      // Belt and braces: media.resolveFile refuses these too, but no such path should reach it.
      if (
        relative.split('/').some((part) => part === '..' || part === '') ||
        /[\\\0]/.test(relative)
      ) {
        throw mediaNotFound(request.url)
      }
      const contentType = CONTENT_TYPES[path.extname(relative).toLowerCase()]
      const file = contentType === undefined ? undefined : media.resolveFile(`/media/${relative}`)
      if (file === undefined || contentType === undefined) throw mediaNotFound(request.url)
      const stat = await fs.promises.stat(file).catch(() => undefined)
      if (stat === undefined || !stat.isFile()) throw mediaNotFound(request.url)
      return (
        reply
          .header('content-type', contentType)
          .header('content-length', String(stat.size))
          .header('last-modified', stat.mtime.toUTCString())
          // Variant names carry a random storage key, so a given URL's bytes never change.
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(fs.createReadStream(file))
      )
    })
  },
  { name: 'masthead-media-files' },
)
