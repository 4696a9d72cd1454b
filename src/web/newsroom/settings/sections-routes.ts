/**
 * /newsroom/settings/sections (admins only): add a section, rename one or change its address
 * (the old address redirects, and stories under it already redirect to their canonical
 * address, so no link breaks), move one up or down the navigation. Each change announces
 * sections.changed, which empties the page cache (the navigation is on every page).
 */

import { type Static, Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { isMastheadError, type MastheadError } from '../../../lib/errors.js'
import { publicError } from '../../plugins/error-handler.js'
import { IntId } from '../../schema-parts.js'
import type { NewsroomScreenOptions } from '../screens.js'
import { SectionsPage } from './sections-page.js'

const STRICT = { additionalProperties: false } as const
const SectionParams = Type.Object({ id: IntId() }, STRICT)
type SectionParams = Static<typeof SectionParams>
const NameForm = Type.Object({ name: Type.String({ maxLength: 80 }) }, STRICT)
type NameForm = Static<typeof NameForm>
/** A rename; an empty or absent slug keeps the address. */
const RenameForm = Type.Object(
  { name: Type.String({ maxLength: 80 }), slug: Type.Optional(Type.String({ maxLength: 100 })) },
  STRICT,
)
type RenameForm = Static<typeof RenameForm>
const MoveForm = Type.Object(
  { direction: Type.Union([Type.Literal('up'), Type.Literal('down')]) },
  STRICT,
)
type MoveForm = Static<typeof MoveForm>
const SectionsQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }, STRICT)
type SectionsQuery = Static<typeof SectionsQuery>

const SECTION_NOTICES: Readonly<Record<string, string>> = {
  added: 'The section is added.',
  renamed: 'The section is saved. A former address redirects to the new one.',
  moved: 'The order is changed.',
}

/** Refusals a person can act on (an empty name, a taken or reserved address): shown on the page. */
const shownOnPage = (error: unknown): error is MastheadError =>
  isMastheadError(error) && (error.kind === 'invalid' || error.kind === 'conflict')

/** Registers the screen (inside the newsroom plugin). */
export const sectionScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (app, options) => {
  const { newsroom } = options.services
  const config = { newsroom: { permission: 'settings.manage' as const } }

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string | undefined; error?: string; draft?: string; status?: number } = {},
  ) =>
    reply.newsroomPage({
      title: 'Sections',
      current: 'settings',
      status: extra.status ?? 200,
      main: SectionsPage({
        ...extra,
        sections: await newsroom.listSections(),
        csrfToken: request.newsroomSession?.csrfToken ?? '',
      }),
    })

  /** Runs `change`; a refusal is shown on the page, success redirects with `notice`. */
  const attempt = async (
    request: FastifyRequest,
    reply: FastifyReply,
    notice: string,
    change: () => Promise<unknown>,
    draft?: string,
  ) => {
    try {
      await change()
    } catch (error) {
      if (!shownOnPage(error)) throw error
      return render(request, reply, {
        error: error.message,
        status: publicError(error, request.id).status,
        ...(draft === undefined ? {} : { draft }),
      })
    }
    return reply.redirect(`/newsroom/settings/sections?notice=${notice}`, 303)
  }

  app.get<{ Querystring: SectionsQuery }>(
    '/settings/sections',
    { config, schema: { querystring: SectionsQuery } },
    async (request, reply) =>
      render(request, reply, { notice: SECTION_NOTICES[request.query.notice ?? ''] }),
  )

  app.post<{ Body: NameForm }>(
    '/settings/sections',
    { config, schema: { body: NameForm } },
    async (request, reply) =>
      attempt(
        request,
        reply,
        'added',
        () => newsroom.addSection(request.body.name),
        request.body.name,
      ),
  )

  app.post<{ Params: SectionParams; Body: RenameForm }>(
    '/settings/sections/:id',
    { config, schema: { params: SectionParams, body: RenameForm } },
    async (request, reply) =>
      attempt(request, reply, 'renamed', () =>
        newsroom.renameSection(request.params.id, request.body.name, request.body.slug),
      ),
  )

  app.post<{ Params: SectionParams; Body: MoveForm }>(
    '/settings/sections/:id/move',
    { config, schema: { params: SectionParams, body: MoveForm } },
    async (request, reply) =>
      attempt(request, reply, 'moved', () =>
        newsroom.moveSection(request.params.id, request.body.direction),
      ),
  )
}
