/**
 * /newsroom/settings (admins only): the site's name, logo and language, the default comment
 * mode, and whether authors may publish their own stories. The settings service checks and
 * stores them, and its settings.changed event empties the page cache (in every process), so
 * readers see a change at once.
 */

import { type Static, Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { isMastheadError } from '../../../lib/errors.js'
import { logoRenditions } from '../../../media/index.js'
import type { SiteSettings } from '../../../settings/index.js'
import { publicError } from '../../plugins/error-handler.js'
import type { NewsroomScreenOptions } from '../screens.js'
import { logoRoutes } from './logo-routes.js'
import { SettingsPage, type SettingsPageProps } from './settings-page.js'

/** The notices a redirect back to the screen may ask for. */
const NOTICES: Readonly<Record<string, string>> = {
  saved: 'The settings are saved.',
  'logo-saved': 'The logo is saved: it is on the site now.',
  'logo-removed': 'The logo is removed: the site shows its name.',
}

const STRICT = { additionalProperties: false } as const

const SettingsQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }, STRICT)
type SettingsQuery = Static<typeof SettingsQuery>

/** The form as sent; the values' rules are the settings service's (a 400 on the page). */
const SettingsForm = Type.Object(
  {
    siteName: Type.String({ maxLength: 500 }),
    language: Type.String({ maxLength: 100 }),
    commentsMode: Type.String({ maxLength: 40 }),
    // A checkbox: present when ticked, absent otherwise.
    authorsMayPublish: Type.Optional(Type.Literal('yes')),
  },
  STRICT,
)
type SettingsForm = Static<typeof SettingsForm>

/** Registers the screen (inside the newsroom plugin). */
export const settingsScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (app, options) => {
  const { settings, media } = options.services
  const config = { newsroom: { permission: 'settings.manage' as const } }

  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<
      Pick<SettingsPageProps, 'values' | 'notice' | 'error' | 'errorField' | 'logoError'>
    > & {
      status?: number
    } = {},
  ) => {
    const logo = settings.current().logo
    return reply.newsroomPage({
      title: 'Settings',
      current: 'settings',
      status: extra.status ?? 200,
      main: SettingsPage({
        values: extra.values ?? settings.current(),
        defaults: settings.defaults,
        csrfToken: request.newsroomSession?.csrfToken ?? '',
        notice: extra.notice,
        error: extra.error,
        errorField: extra.errorField,
        logo: logo === null ? null : logoRenditions(logo),
        logoError: extra.logoError,
        logoMaxBytes: media.logoMaxBytes,
      }),
    })
  }

  app.get<{ Querystring: SettingsQuery }>(
    '/settings',
    { config, schema: { querystring: SettingsQuery } },
    async (request, reply) =>
      render(request, reply, {
        notice: Object.hasOwn(NOTICES, request.query.notice ?? '')
          ? NOTICES[request.query.notice ?? '']
          : undefined,
      }),
  )

  // The logo's upload (multipart, scoped there) and removal.
  await app.register(logoRoutes, {
    services: options.services,
    permission: config.newsroom.permission,
    showRefusal: (request, reply, logoError, status) =>
      render(request, reply, { logoError, status }),
  })

  app.post<{ Body: SettingsForm }>(
    '/settings',
    { config, schema: { body: SettingsForm } },
    async (request, reply) => {
      const values = {
        siteName: request.body.siteName,
        language: request.body.language,
        commentsMode: request.body.commentsMode,
        authorsMayPublish: request.body.authorsMayPublish === 'yes',
      }
      try {
        // The mode's value is checked by the service (SETTING_INVALID), not trusted here.
        await settings.update(
          { ...values, commentsMode: values.commentsMode as SiteSettings['commentsMode'] },
          request.actor?.userId ?? null,
        )
      } catch (error) {
        if (!isMastheadError(error) || error.code !== 'SETTING_INVALID') throw error
        const field = error.details.field
        return render(request, reply, {
          values,
          error: error.message,
          errorField: typeof field === 'string' ? field : undefined,
          status: publicError(error, request.id).status,
        })
      }
      request.log.info({ by: request.actor?.userId }, 'site settings changed')
      return reply.redirect('/newsroom/settings?notice=saved', 303)
    },
  )
}
