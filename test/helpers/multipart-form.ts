/** Posts a multipart form (a file upload) as a signed-in newsroom client, through inject. */

import type { FastifyInstance } from 'fastify'
import type { NewsroomClient } from './newsroom-session.js'

/** A file as a browser sends it: name, declared type and bytes. */
export interface TestFile {
  name: string
  type: string
  bytes: Uint8Array
}

/**
 * Builds the body with the platform's own FormData (fields in insertion order, the CSRF field
 * first as in the real form) and posts it; `csrf: false` leaves the token out.
 */
export async function postMultipart(
  web: FastifyInstance,
  client: Pick<NewsroomClient, 'cookie' | 'csrf'>,
  url: string,
  form: { file?: TestFile; fields?: Record<string, string> },
  options: { csrf?: boolean } = {},
) {
  const data = new FormData()
  if (options.csrf !== false) data.append('_csrf', client.csrf)
  if (form.file !== undefined)
    data.append(
      'file',
      new Blob([new Uint8Array(form.file.bytes)], { type: form.file.type }),
      form.file.name,
    )
  for (const [name, value] of Object.entries(form.fields ?? {})) data.append(name, value)
  const encoded = new Request('http://127.0.0.1/', { method: 'POST', body: data })
  return web.inject({
    method: 'POST',
    url,
    headers: {
      accept: 'text/html',
      'content-type': encoded.headers.get('content-type') ?? '',
      cookie: client.cookie,
      origin: 'http://127.0.0.1:3000',
    },
    payload: Buffer.from(await encoded.arrayBuffer()),
  })
}
