/** Serves the in-memory assets (hashed and immutable) and the favicon (robots.txt: web/distribution). */

import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { BuiltAsset, BuiltAssets } from '../assets/asset-manifest.js'
import { isNotModified } from '../http/conditional.js'
import { chooseEncoding, type ContentCoding } from '../http/negotiation.js'
import { assetNotFound } from './errors.js'

export interface StaticAssetsOptions {
  assets: BuiltAssets
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
/** The precompressed codings an asset may carry, best first. */
const CODINGS: readonly ContentCoding[] = ['br', 'gzip']

/** Registers /assets/:file and /favicon.svg. */
export const staticAssetsPlugin = fp<StaticAssetsOptions>(
  async (app, { assets }) => {
    app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
      const asset = assets.files.get(`/assets/${request.params.file}`)
      if (asset === undefined) throw assetNotFound(request.url)
      return sendAsset(request, reply, asset, IMMUTABLE)
    })
    app.get('/favicon.svg', (request, reply) =>
      sendAsset(request, reply, assets.favicon, 'public, max-age=86400'),
    )
  },
  { name: 'masthead-static-assets' },
)

/** Sends `asset` precompressed in the coding the client prefers, or 304 when it holds the bytes. */
function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  asset: BuiltAsset,
  cacheControl: string,
): FastifyReply {
  const available = CODINGS.filter((coding) => asset.bodies[coding] !== undefined)
  const coding = chooseEncoding(request.headers['accept-encoding'], available)
  const body = coding === 'identity' ? asset.bodies.identity : asset.bodies[coding]
  // One strong validator per coding, as for pages; any of them proves the client has the bytes.
  const etags = [`"${asset.hash}"`, `"${asset.hash}-br"`, `"${asset.hash}-gz"`] as const
  const etag = coding === 'identity' ? etags[0] : coding === 'br' ? etags[1] : etags[2]
  reply.header('cache-control', cacheControl).header('vary', 'Accept-Encoding').header('etag', etag)
  if (isNotModified({ ifNoneMatch: request.headers['if-none-match'] }, { etags }))
    return reply.code(304).send()
  if (coding !== 'identity') reply.header('content-encoding', coding)
  return reply.type(asset.contentType).send(body)
}
