/** The web platform's own error catalogue (routes of the global plugins, not the site's pages). */

import { MastheadError } from '../../lib/errors.js'

/** No built asset has this name (often a stale hashed URL after a deploy). */
export const assetNotFound = (path: string): MastheadError =>
  new MastheadError('ASSET_NOT_FOUND', 'not_found', 'There is no such asset.', {
    details: { path },
  })

/** No stored media file lives at this path. */
export const mediaNotFound = (path: string): MastheadError =>
  new MastheadError('MEDIA_NOT_FOUND', 'not_found', 'There is no such media file.', {
    details: { path },
  })

/** A text/plain body that should hold JSON (a view beacon) does not parse. */
export const bodyNotJson = (): MastheadError =>
  new MastheadError('BODY_INVALID', 'invalid', 'The request body is not valid JSON.')
