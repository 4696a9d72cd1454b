/** Streams stored media files (photo variants) from the media service, with validators, 304 and Range. */

import path from 'node:path'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Media } from '../../media/index.js'
import { isNotModified, rangeStillValid, type Validators } from '../http/conditional.js'
import { rangeOf } from '../http/range.js'
import { mediaNotFound } from './errors.js'

export interface MediaFilesOptions {
  media: Pick<Media, 'statFile' | 'openFile'>
}

/** Only the raster formats we encode are served; anything else under /media is a 404. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
}
/** Variant names carry a random storage key, so a given URL's bytes never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Registers GET /media/* (HEAD comes with it). */
export const mediaFilesPlugin = fp<MediaFilesOptions>(
  async (app, { media }) => {
    app.get<{ Params: { '*': string } }>('/media/*', (request, reply) =>
      sendMediaFile(request, reply, media, request.params['*']),
    )
  },
  { name: 'masthead-media-files' },
)

/** Answers one media request: 404, 304, 416, 206 with one range, or 200 with the whole file. */
async function sendMediaFile(
  request: FastifyRequest,
  reply: FastifyReply,
  media: MediaFilesOptions['media'],
  relative: string,
): Promise<FastifyReply> {
  // Belt and braces: the media service refuses these too, but no such path should reach it.
  if (relative.split('/').some((part) => part === '..' || part === '') || /[\\\0]/.test(relative))
    throw mediaNotFound(request.url)
  const contentType = CONTENT_TYPES[path.extname(relative).toLowerCase()]
  const publicPath = `/media/${relative}`
  const info = contentType === undefined ? undefined : await media.statFile(publicPath)
  if (info === undefined || contentType === undefined) throw mediaNotFound(request.url)

  // Size and time make the validator: a file is written once and never changed (strong).
  const etag = `"${info.size.toString(36)}-${info.mtime.getTime().toString(36)}"`
  const validators: Validators = { etags: [etag], lastModified: info.mtime }
  reply
    .header('cache-control', IMMUTABLE)
    .header('etag', etag)
    .header('last-modified', info.mtime.toUTCString())
    .header('accept-ranges', 'bytes')
  const { headers } = request
  const conditional = {
    ifNoneMatch: headers['if-none-match'],
    ifModifiedSince: headers['if-modified-since'],
  }
  if (isNotModified(conditional, validators)) return reply.code(304).send()

  // Range is defined for GET only (RFC 9110 14.2); If-Range falls back to the whole file (as
  // does a repeated If-Range, which names nothing we can compare).
  const ifRange = headers['if-range']
  const wanted =
    request.method === 'GET' && rangeStillValid(Array.isArray(ifRange) ? '' : ifRange, validators)
      ? rangeOf(headers.range, info.size)
      : ({ kind: 'full' } as const)
  if (wanted.kind === 'unsatisfiable') {
    // Not the file: no shared cache may keep this answer in its place.
    return reply
      .code(416)
      .header('cache-control', 'no-store')
      .header('content-range', `bytes */${info.size}`)
      .send()
  }
  const range = wanted.kind === 'partial' ? wanted.range : undefined
  const file = await media.openFile(publicPath, range)
  if (file === undefined) throw mediaNotFound(request.url)
  reply.header('content-type', contentType)
  if (range === undefined) {
    return reply.header('content-length', String(file.size)).send(file.stream)
  }
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
    .header('content-length', String(range.end - range.start + 1))
    .send(file.stream)
}
