/** The story screens under /newsroom: the list, the editor (with autosave and preview), the revisions. */

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor, Permission } from '../../../accounts/index.js'
import { isMastheadError } from '../../../lib/errors.js'
import type { DeskStory } from '../../../newsroom/index.js'
import { mediaPhotoNotFound } from '../../../media/index.js'
import { CsrfField } from '../components/csrf-field.js'
import { photoMarkdown } from '../photos/photo-markdown.js'
import { type EditorProblem, StoryEditorPage } from './story-editor-page.js'
import {
  changesOf,
  emptyValues,
  publishAtOf,
  type StoryFormValues,
  valuesFromForm,
  valuesOf,
} from './story-form.js'
import { StoryListPage } from './story-list-page.js'
import { StoryPreviewPage } from './story-preview-page.js'
import { LivePreviewDocument } from './live-preview-document.js'
import { renderDocument } from '../../render/html.js'
import { StoryRevisionsPage } from './story-revisions-page.js'
import {
  AutosaveBody,
  EditorQuery,
  type EditorAction,
  RestoreForm,
  RevisionParams,
  RevisionsQuery,
  StoryForm,
  StoryIdParams,
  StoryListQuery,
} from './story-schemas.js'

import type { NewsroomScreenOptions } from '../screens.js'

const PER_PAGE = 25

/** What each action says once done (the editor shows it after the redirect). */
const NOTICES = {
  created: 'Draft created.',
  saved: 'Saved.',
  submitted: 'Submitted for review.',
  scheduled: 'Scheduled.',
  published: 'Published.',
  unpublished: 'Unpublished: readers now get “removed” at its address.',
  draft: 'Back to draft.',
  restored: 'Restored as a new revision.',
} as const

/** The problems shown in the editor (with the text kept) rather than on an error page. */
const SHOWN_KINDS: Record<string, number> = { invalid: 400, conflict: 409 }

const perm = (permission: Permission) => ({ newsroom: { permission } })

/** Registers the story screens (inside the newsroom plugin: sign-in, CSRF and 403 are its hooks). */
export const storyScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (app, options) => {
  const { newsroom, media } = options.services
  const desk = newsroom.stories
  const actorOf = (request: FastifyRequest): Actor => {
    // The newsroom plugin signs every non-public route in; a missing actor is a wiring bug.
    if (request.actor === null || request.actor === undefined) throw new Error('no actor')
    return request.actor
  }
  const csrf = (request: FastifyRequest) =>
    CsrfField({ token: request.newsroomSession?.csrfToken ?? '' })

  /** Renders the editor for `story` (undefined: a new one) with `values` typed in. */
  const editor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    story: DeskStory | undefined,
    values: StoryFormValues,
    extra: {
      problem?: EditorProblem
      notice?: string
      status?: number
      unsaved?: boolean
      inserted?: string
    } = {},
  ) => {
    const actor = actorOf(request)
    // What the form shows: after a pick in the library, that photo, before it is saved.
    const photoId = /^[0-9]{1,9}$/.test(values.leadPhotoId) ? Number(values.leadPhotoId) : null
    const [sections, authors, events, photo] = await Promise.all([
      newsroom.listSections(),
      desk.authorChoices(actor),
      story === undefined ? [] : desk.events(actor, story.id),
      photoId === null
        ? undefined
        : media.getPhotos([photoId]).then((photos) => photos.get(photoId)),
    ])
    return reply.newsroomPage({
      title: story === undefined ? 'New story' : `Edit: ${story.headline}`,
      current: 'stories',
      status: extra.status ?? 200,
      // The live preview first: it moves the form into its layout, which would drop the focus
      // the editor script may set (deferred scripts run in this order).
      scripts:
        story?.actions.edit === true
          ? [options.assets.scripts.livePreview, options.assets.scripts.storyEditor]
          : [],
      main: StoryEditorPage({
        story,
        values,
        sections,
        authors,
        events,
        problem: extra.problem,
        notice: extra.notice,
        csrfField: csrf(request),
        leadPhoto: photo,
        unsaved: extra.unsaved === true,
        insertedPhoto: extra.inserted,
        action: story === undefined ? '/newsroom/stories' : `/newsroom/stories/${story.id}`,
      }),
    })
  }

  /** The editor again with what was typed and why it was refused, or undefined for other errors. */
  const refused = (error: unknown, values: StoryFormValues) => {
    if (!isMastheadError(error) || SHOWN_KINDS[error.kind] === undefined) return undefined
    const problem: EditorProblem = { message: error.message }
    const field = (error.details as { field?: unknown }).field
    if (typeof field === 'string') problem.field = field
    if (error.code === 'STORY_VERSION_CONFLICT') {
      const details = error.details as {
        currentVersion: number
        savedBy: string | null
        current: { headline: string; dek: string; bodyMarkdown: string }
      }
      problem.conflict = details
      // Saving again is now a deliberate choice to keep this text over theirs.
      values = { ...values, baseVersion: String(details.currentVersion) }
    }
    return { problem, values, status: SHOWN_KINDS[error.kind] ?? 400 }
  }

  /** Runs the workflow step the pressed button asked for, after the save; returns where to go. */
  const afterSave = async (
    actor: Actor,
    story: DeskStory,
    action: EditorAction,
    values: StoryFormValues,
    created: boolean,
  ) => {
    const base = `/newsroom/stories/${story.id}`
    switch (action) {
      case 'save':
        return `${base}?done=${created ? 'created' : 'saved'}`
      case 'preview':
        return `${base}/preview`
      case 'submit':
        await desk.submit(actor, story.id)
        return `${base}?done=submitted`
      case 'draft':
        await desk.returnToDraft(actor, story.id)
        return `${base}?done=draft`
      case 'schedule':
        await desk.schedule(actor, story.id, publishAtOf(values) ?? new Date(0))
        return `${base}?done=scheduled`
      case 'publish':
        await desk.publish(actor, story.id)
        return `${base}?done=published`
      case 'unpublish':
        await desk.unpublish(actor, story.id)
        return `${base}?done=unpublished`
    }
  }

  /**
   * The editor's values with the photos picked in the library filled in (not saved: the writer
   * sees them, moves an inserted photo where it belongs, and saves), and a notice saying so.
   */
  const withPickedPhotos = async (
    story: DeskStory,
    leadPhoto: number | undefined,
    insertPhoto: number | undefined,
  ): Promise<[StoryFormValues, { notice: string; unsaved: true; inserted?: string }]> => {
    const values = valuesOf(story)
    const ids = [leadPhoto, insertPhoto].filter((id) => id !== undefined)
    const found = await media.getPhotos(ids)
    const said: string[] = []
    let inserted: string | undefined
    if (leadPhoto !== undefined) {
      if (!found.has(leadPhoto)) throw mediaPhotoNotFound(leadPhoto)
      values.leadPhotoId = String(leadPhoto)
      said.push(`Photo ${leadPhoto} is filled in as the lead photo.`)
    }
    if (insertPhoto !== undefined) {
      const photo = found.get(insertPhoto)
      if (photo === undefined) throw mediaPhotoNotFound(insertPhoto)
      inserted = photoMarkdown(photo)
      values.bodyMarkdown = `${values.bodyMarkdown.trimEnd()}\n\n${inserted}\n`
      said.push(`Photo ${insertPhoto} is added at the end of the body; move it where it belongs.`)
    }
    const notice = `${said.join(' ')} Save to keep it.`
    return [values, { notice, unsaved: true, ...(inserted === undefined ? {} : { inserted }) }]
  }

  app.get<{ Querystring: StoryListQuery }>(
    '/stories',
    { schema: { querystring: StoryListQuery }, config: perm('stories.list') },
    async (request, reply) => {
      const actor = actorOf(request)
      const q = request.query
      const filters = {
        status: q.status ?? '',
        section: q.section ?? '',
        author: q.author ?? '',
        q: q.q ?? '',
      }
      const [stories, sections, authors] = await Promise.all([
        desk.list(
          actor,
          {
            ...(filters.status === '' ? {} : { status: filters.status }),
            ...(filters.section === '' ? {} : { sectionId: Number(filters.section) }),
            ...(filters.author === '' ? {} : { authorId: Number(filters.author) }),
            ...(filters.q.trim() === '' ? {} : { query: filters.q }),
          },
          q.page ?? 1,
          PER_PAGE,
        ),
        newsroom.listSections(),
        desk.authorChoices(actor),
      ])
      return reply.newsroomPage({
        title: 'Stories',
        current: 'stories',
        main: StoryListPage({
          stories,
          filters,
          sections,
          authors,
          canCreate: actor.role !== 'moderator',
        }),
      })
    },
  )

  app.get('/stories/new', { config: perm('story.create') }, async (request, reply) =>
    editor(request, reply, undefined, emptyValues()),
  )

  app.post<{ Body: StoryForm }>(
    '/stories',
    { schema: { body: StoryForm }, config: perm('story.create') },
    async (request, reply) => {
      const actor = actorOf(request)
      const values = valuesFromForm(request.body)
      let story: DeskStory
      try {
        story = await desk.create(actor, changesOf(values))
      } catch (error) {
        const shown = refused(error, values)
        if (shown === undefined) throw error
        return editor(request, reply, undefined, shown.values, shown)
      }
      return stepAndGo(request, reply, story, values, true)
    },
  )

  /** Applies the pressed button after a save; a refused step shows the saved story with why. */
  const stepAndGo = async (
    request: FastifyRequest,
    reply: FastifyReply,
    story: DeskStory,
    values: StoryFormValues,
    created: boolean,
  ) => {
    const actor = actorOf(request)
    try {
      return reply.redirect(
        await afterSave(
          actor,
          story,
          (request.body as StoryForm).action ?? 'save',
          values,
          created,
        ),
        303,
      )
    } catch (error) {
      const shown = refused(error, values)
      if (shown === undefined) throw error
      const fresh = await desk.get(actor, story.id)
      return editor(
        request,
        reply,
        fresh,
        { ...valuesOf(fresh), publishAt: values.publishAt },
        shown,
      )
    }
  }

  app.get<{ Params: StoryIdParams; Querystring: EditorQuery }>(
    '/stories/:id',
    { schema: { params: StoryIdParams, querystring: EditorQuery }, config: perm('stories.list') },
    async (request, reply) => {
      const story = await desk.get(actorOf(request), request.params.id)
      const { done, leadPhoto, insertPhoto } = request.query
      if (leadPhoto !== undefined || insertPhoto !== undefined)
        return editor(
          request,
          reply,
          story,
          ...(await withPickedPhotos(story, leadPhoto, insertPhoto)),
        )
      return editor(
        request,
        reply,
        story,
        valuesOf(story),
        done === undefined ? {} : { notice: NOTICES[done] },
      )
    },
  )

  app.post<{ Params: StoryIdParams; Body: StoryForm }>(
    '/stories/:id',
    { schema: { params: StoryIdParams, body: StoryForm }, config: perm('stories.list') },
    async (request, reply) => {
      const actor = actorOf(request)
      const values = valuesFromForm(request.body)
      const current = await desk.get(actor, request.params.id)
      let story = current
      // Only a writer who may edit saves first; an editor pressing "Publish" on a story they
      // cannot edit (never happens: editors edit all) or a contributor's submitted draft just moves.
      if (current.actions.edit) {
        try {
          story = await desk.save(
            actor,
            current.id,
            Number(values.baseVersion || 0),
            changesOf(values),
          )
        } catch (error) {
          const shown = refused(error, values)
          if (shown === undefined) throw error
          return editor(request, reply, current, shown.values, shown)
        }
      }
      return stepAndGo(request, reply, story, values, false)
    },
  )

  app.post<{ Params: StoryIdParams; Body: AutosaveBody }>(
    '/stories/:id/autosave',
    { schema: { params: StoryIdParams, body: AutosaveBody }, config: perm('stories.list') },
    async (request) => {
      const { baseVersion, ...words } = request.body
      const saved = await desk.save(actorOf(request), request.params.id, baseVersion, words)
      return { version: saved.version, savedAt: saved.modifiedAt.toISOString() }
    },
  )

  app.get<{ Params: StoryIdParams }>(
    '/stories/:id/preview',
    { schema: { params: StoryIdParams }, config: perm('stories.list') },
    async (request, reply) => {
      const article = await desk.preview(actorOf(request), request.params.id)
      return reply.newsroomPage({
        title: `Preview: ${article.headline}`,
        current: 'stories',
        main: StoryPreviewPage({ article, language: options.site.language }),
      })
    },
  )

  // The live preview: the editor's fields as typed, drawn by the site's code, saved nowhere.
  app.post<{ Params: StoryIdParams; Body: StoryForm }>(
    '/stories/:id/preview',
    { schema: { params: StoryIdParams, body: StoryForm }, config: perm('stories.list') },
    async (request, reply) => {
      const values = valuesFromForm(request.body)
      const words = {
        headline: values.headline,
        dek: values.dek,
        bodyMarkdown: values.bodyMarkdown,
      }
      let article
      let problem: string | undefined
      let status = 200
      try {
        article = await desk.previewDraft(actorOf(request), request.params.id, words)
      } catch (error) {
        // Text that cannot be drawn yet (an unknown photo) is said in the pane, not as an error page.
        if (!isMastheadError(error) || error.kind !== 'invalid') throw error
        problem = error.message
        status = 400
      }
      const page = LivePreviewDocument({
        article,
        problem,
        language: options.site.language,
        stylesheet: options.assets.stylesheet,
      })
      return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page))
    },
  )

  app.get<{ Params: StoryIdParams; Querystring: RevisionsQuery }>(
    '/stories/:id/revisions',
    {
      schema: { params: StoryIdParams, querystring: RevisionsQuery },
      config: perm('stories.list'),
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const story = await desk.get(actor, request.params.id)
      const revisions = await desk.revisions(actor, story.id)
      // Without a choice, the last change: the version before the current one against it.
      const to = request.query.to ?? story.version
      const from = request.query.from ?? revisions.find((r) => r.version < to)?.version
      const diff = from === undefined ? undefined : await desk.diff(actor, story.id, from, to)
      return reply.newsroomPage({
        title: `Revisions: ${story.headline}`,
        current: 'stories',
        main: StoryRevisionsPage({ story, revisions, diff, csrfField: csrf(request) }),
      })
    },
  )

  app.post<{ Params: RevisionParams; Body: RestoreForm }>(
    '/stories/:id/revisions/:version/restore',
    { schema: { params: RevisionParams, body: RestoreForm }, config: perm('stories.list') },
    async (request, reply) => {
      const { id, version } = request.params
      await desk.restore(actorOf(request), id, version, Number(request.body.baseVersion || 0))
      return reply.redirect(`/newsroom/stories/${id}?done=restored`, 303)
    },
  )
}
