/** The photo screens under /newsroom: the library with its upload form, and each photo's page. */

import multipart from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Actor } from '../../../accounts/index.js'
import { isMastheadError } from '../../../lib/errors.js'
import { mediaUploadMissing } from '../../../media/index.js'
import { STATUS_BY_KIND } from '../../plugins/error-handler.js'
import { MAX_INT_ID } from '../../schema-parts.js'
import { CsrfField } from '../components/csrf-field.js'
import type { NewsroomScreenOptions } from '../screens.js'
import { PhotoLibraryPage, type UploadFormState } from './photo-library-page.js'
import { PhotoPage } from './photo-page.js'
import { LibraryQuery, PhotoIdParams, PhotoQuery, PhotoTextsForm } from './photo-schemas.js'
import { receiveUpload } from './receive-upload.js'

const PER_PAGE = 24

/** Refusals shown on the form, with what was typed kept, instead of on an error page. */
const SHOWN_KINDS = new Set(['invalid', 'too_large', 'unsupported_type'])

/** Registers the photo screens (inside the newsroom plugin: sign-in, CSRF and 403 are its hooks). */
export const photoScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (app, options) => {
  const { media } = options.services
  // Scoped to these screens: nowhere else in the newsroom (or the site) accepts multipart bodies.
  await app.register(multipart, { throwFileSizeLimit: false })

  const actorOf = (request: FastifyRequest): Actor => {
    // The newsroom plugin signs every non-public route in; a missing actor is a wiring bug.
    if (request.actor === null || request.actor === undefined) throw new Error('no actor')
    return request.actor
  }
  const csrf = (request: FastifyRequest) =>
    CsrfField({ token: request.newsroomSession?.csrfToken ?? '' })
  /** The story id a form carried back, when it is one. */
  const storyOf = (value: string | undefined): number | undefined => {
    const id = /^[0-9]{1,10}$/.test(value ?? '') ? Number(value) : 0
    return id >= 1 && id <= MAX_INT_ID ? id : undefined
  }
  const config = { newsroom: { permission: 'photos.manage' as const } }

  /** The library page (with the upload form in `upload`'s state). */
  const library = async (
    request: FastifyRequest,
    query: { q: string; page: number; story: number | undefined },
    extra: { upload?: UploadFormState; notice?: string; status?: number } = {},
  ) => {
    const photos = await media.searchLibrary(actorOf(request), query.q, query.page, PER_PAGE)
    return {
      title: query.q === '' ? 'Photos' : `Photos: ${query.q}`,
      current: 'photos' as const,
      status: extra.status ?? 200,
      main: PhotoLibraryPage({
        photos,
        q: query.q,
        story: query.story,
        notice: extra.notice,
        upload: extra.upload ?? { alt: '', caption: '', credit: '' },
        csrfField: csrf(request),
        maxBytes: media.uploadMaxBytes,
      }),
    }
  }

  app.get<{ Querystring: LibraryQuery }>(
    '/photos',
    { schema: { querystring: LibraryQuery }, config },
    async (request, reply) => {
      const { q = '', page = 1, story, uploaded } = request.query
      const notice =
        uploaded === undefined ? undefined : `Photo ${uploaded} uploaded; it is first below.`
      return reply.newsroomPage(
        await library(
          request,
          { q: q.trim(), page, story },
          notice === undefined ? {} : { notice },
        ),
      )
    },
  )

  app.post(
    '/photos',
    { config: { newsroom: { ...config.newsroom, multipartCsrf: true } } },
    async (request, reply) => {
      const actor = actorOf(request)
      const form = await receiveUpload(request, media.uploadMaxBytes)
      const { fields } = form
      const typed = {
        alt: fields.alt ?? '',
        caption: fields.caption ?? '',
        credit: fields.credit ?? '',
      }
      const story = storyOf(fields.story)
      try {
        if (form.problem !== undefined) throw form.problem
        if (form.file === undefined) throw mediaUploadMissing()
        const photo = await media.uploadPhoto(actor, form.file, typed)
        const back = new URLSearchParams({ uploaded: String(photo.id) })
        if (story !== undefined) back.set('story', String(story))
        return reply.redirect(`/newsroom/photos?${back.toString()}`, 303)
      } catch (error) {
        if (!isMastheadError(error) || !SHOWN_KINDS.has(error.kind)) throw error
        request.log.info({ code: error.code }, 'photo upload refused')
        const status = STATUS_BY_KIND[error.kind]
        return reply.newsroomPage(
          await library(
            request,
            { q: '', page: 1, story },
            { upload: { ...typed, error: error.message }, status },
          ),
        )
      } finally {
        await form.discard()
      }
    },
  )

  app.get<{ Params: PhotoIdParams; Querystring: PhotoQuery }>(
    '/photos/:id',
    { schema: { params: PhotoIdParams, querystring: PhotoQuery }, config },
    async (request, reply) => {
      const photo = await media.getLibraryPhoto(actorOf(request), request.params.id)
      return reply.newsroomPage({
        title: `Photo ${photo.id}`,
        current: 'photos',
        main: PhotoPage({
          photo,
          values: { alt: photo.alt, caption: photo.caption, credit: photo.credit },
          story: request.query.story,
          notice: request.query.done === 'saved' ? 'Saved.' : undefined,
          problem: undefined,
          csrfField: csrf(request),
        }),
      })
    },
  )

  app.post<{ Params: PhotoIdParams; Body: PhotoTextsForm }>(
    '/photos/:id',
    { schema: { params: PhotoIdParams, body: PhotoTextsForm }, config },
    async (request, reply) => {
      const actor = actorOf(request)
      const { alt, caption, credit } = request.body
      const story = storyOf(request.body.story)
      try {
        const photo = await media.updatePhotoTexts(actor, request.params.id, {
          alt,
          caption,
          credit,
        })
        const back = new URLSearchParams({ done: 'saved' })
        if (story !== undefined) back.set('story', String(story))
        return reply.redirect(`/newsroom/photos/${photo.id}?${back.toString()}`, 303)
      } catch (error) {
        if (!isMastheadError(error) || error.kind !== 'invalid') throw error
        const photo = await media.getLibraryPhoto(actor, request.params.id)
        const field = (error.details as { field?: unknown }).field
        return reply.newsroomPage({
          title: `Photo ${photo.id}`,
          current: 'photos',
          status: 400,
          main: PhotoPage({
            photo,
            values: { alt, caption, credit },
            story,
            notice: undefined,
            problem: {
              message: error.message,
              field: typeof field === 'string' ? field : undefined,
            },
            csrfField: csrf(request),
          }),
        })
      }
    },
  )
}
