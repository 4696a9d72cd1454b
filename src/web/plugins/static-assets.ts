/** Serves the in-memory assets (hashed and immutable), the favicon and robots.txt. */

import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { BuiltAsset, BuiltAssets } from '../assets/asset-manifest.js'
import { assetNotFound } from './errors.js'

export interface StaticAssetsOptions {
  assets: BuiltAssets
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
const ROBOTS = 'User-agent: *\nAllow: /\n'

/** Registers /assets/:file, /favicon.svg and /robots.txt. */
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
    app.get('/robots.txt', (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=3600')
        .type('text/plain; charset=utf-8')
        .send(ROBOTS),
    )
  },
  { name: 'masthead-static-assets' },
)

/** Sends `asset` precompressed in the coding the client prefers. */
function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  asset: BuiltAsset,
  cacheControl: string,
): FastifyReply {
  const accepts = request.headers['accept-encoding'] ?? ''
  const [coding, body] =
    asset.bodies.br !== undefined && /\bbr\b/.test(accepts)
      ? (['br', asset.bodies.br] as const)
      : asset.bodies.gzip !== undefined && /\bgzip\b/.test(accepts)
        ? (['gzip', asset.bodies.gzip] as const)
        : ([undefined, asset.bodies.identity] as const)
  // One strong validator per coding, as for pages; any of them proves the client has the bytes.
  const suffix = coding === undefined ? '' : coding === 'br' ? '-br' : '-gz'
  reply
    .header('cache-control', cacheControl)
    .header('vary', 'Accept-Encoding')
    .header('etag', `"${asset.hash}${suffix}"`)
  if (request.headers['if-none-match']?.includes(asset.hash) === true) return reply.code(304).send()
  if (coding !== undefined) reply.header('content-encoding', coding)
  return reply.type(asset.contentType).send(body)
}
