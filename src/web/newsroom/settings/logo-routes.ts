/**
 * The logo's routes under /newsroom/settings: an upload (multipart, checked and stored by the
 * media service, then set by the settings service) and a removal. A refused file is shown on
 * the settings screen with its reason and the right 4xx status, never as an error page.
 */

import multipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor, Permission } from '../../../accounts/index.js'
import { isMastheadError } from '../../../lib/errors.js'
import { mediaUploadMissing } from '../../../media/index.js'
import { STATUS_BY_KIND } from '../../plugins/error-handler.js'
import type { Services } from '../../services.js'
import { receiveUpload } from '../photos/receive-upload.js'

/** Refusals shown on the screen (bad file, too large, wrong type) instead of on an error page. */
const SHOWN_KINDS = new Set(['invalid', 'too_large', 'unsupported_type'])

export interface LogoRoutesOptions {
  services: Pick<Services, 'media' | 'settings'>
  permission: Permission
  /** Renders the settings screen with the logo's refusal and `status`. */
  showRefusal(
    request: FastifyRequest,
    reply: FastifyReply,
    message: string,
    status: number,
  ): Promise<FastifyReply> | FastifyReply
}

/** Registers POST /settings/logo and POST /settings/logo/remove (inside the newsroom plugin). */
export const logoRoutes: FastifyPluginAsync<LogoRoutesOptions> = async (app, options) => {
  const { media, settings } = options.services
  // Scoped to these routes, as for the photo library.
  await app.register(multipart, { throwFileSizeLimit: false })

  const actorOf = (request: FastifyRequest): Actor => {
    // The newsroom plugin signs every non-public route in; a missing actor is a wiring bug.
    if (request.actor === null || request.actor === undefined) throw new Error('no actor')
    return request.actor
  }

  app.post(
    '/settings/logo',
    { config: { newsroom: { permission: options.permission, multipartCsrf: true } } },
    async (request, reply) => {
      const actor = actorOf(request)
      const form = await receiveUpload(request, media.logoMaxBytes)
      try {
        if (form.problem !== undefined) throw form.problem
        if (form.file === undefined) throw mediaUploadMissing()
        const photo = await media.uploadLogo(actor, form.file)
        const { id: photoId, storageKey, width, height } = photo
        await settings.update({ logo: { photoId, storageKey, width, height } }, actor.userId)
        request.log.info({ by: actor.userId, photoId }, 'site logo changed')
        return await reply.redirect('/newsroom/settings?notice=logo-saved', 303)
      } catch (error) {
        if (!isMastheadError(error) || !SHOWN_KINDS.has(error.kind)) throw error
        request.log.info({ code: error.code }, 'logo upload refused')
        return options.showRefusal(request, reply, error.message, STATUS_BY_KIND[error.kind])
      } finally {
        await form.discard()
      }
    },
  )

  app.post(
    '/settings/logo/remove',
    {
      config: { newsroom: { permission: options.permission } },
      schema: { body: Type.Object({}, { additionalProperties: false }) },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      await settings.update({ logo: null }, actor.userId)
      request.log.info({ by: actor.userId }, 'site logo removed')
      return reply.redirect('/newsroom/settings?notice=logo-removed', 303)
    },
  )
}
