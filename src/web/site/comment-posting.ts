/** Turns a posted comment form (or a report) into a comments call, and a refusal into the form shown again. */

import { graphemeLength, type ReaderIdentity } from '../../comments/index.js'
import { isMastheadError } from '../../lib/errors.js'
import { type HeldBecause, heldBecause } from '../comment-held.js'
import { statusForError } from '../plugins/error-handler.js'
import type { CommentField, CommentFormError } from './components/comments.js'
import type { LoadedPage, PageContext } from './page-context.js'
import { type ArticlePageProps, loadArticlePage } from './pages/load-article-page.js'
import type { CommentForm } from './route-schemas.js'
import { articlePath } from './site-urls.js'

/** What the comment route answers. */
export type CommentOutcome =
  | { kind: 'posted'; location: string }
  | {
      kind: 'refused'
      status: number
      retryAfterSeconds: number | undefined
      page: LoadedPage<ArticlePageProps>
    }
  | { kind: 'missing' }

/** The domain names fields as its input does; the form names them as readers see them. */
const FORM_FIELDS: Record<string, CommentField> = {
  authorName: 'name',
  authorEmail: 'email',
  body: 'body',
}

/** The story at `slug` (current or former), with its canonical path; undefined when not shown. */
async function findStory(ctx: PageContext, slug: string) {
  const { newsroom } = ctx.services
  // A story renamed while the reader was typing still takes the comment.
  const id = await newsroom.resolvePublishedId(slug)
  const [article] = id === undefined ? [] : await newsroom.summariesByIds([id])
  return article && { article, canonical: articlePath(article) }
}

/** Posts the form to the story at `slug` for `reader`. */
export async function postComment(
  ctx: PageContext,
  slug: string,
  form: CommentForm,
  reader: ReaderIdentity,
): Promise<CommentOutcome> {
  const story = await findStory(ctx, slug)
  if (story === undefined) return { kind: 'missing' }
  const { article, canonical } = story

  // Only bots fill the invisible field: answer as if it worked, store nothing.
  if ((form.website ?? '') !== '') return { kind: 'posted', location: canonical }

  const draft = { name: form.name ?? '', email: form.email ?? '', body: form.body ?? '' }
  const parentId =
    form.parent_id === undefined || form.parent_id === '' ? null : Number(form.parent_id)
  try {
    const comment = await ctx.services.comments.post(
      {
        articleId: article.id,
        parentId,
        authorName: draft.name,
        authorEmail: draft.email.trim() === '' ? null : draft.email,
        body: draft.body,
        reader,
      },
      // Every form carries a stamp; one without it is answered as an expired form.
      { formToken: form.stamp ?? '' },
    )
    const location =
      comment.status === 'published'
        ? `${canonical}#comment-${comment.id}`
        : `${canonical}?${heldQuery(heldBecause(comment.holdReason))}#comments-title`
    return { kind: 'posted', location }
  } catch (error) {
    if (!isMastheadError(error)) throw error
    if (error.kind === 'not_found') return { kind: 'missing' }
    if (!['invalid', 'conflict', 'rate_limited', 'forbidden'].includes(error.kind)) throw error
    const field = FORM_FIELDS[String(error.details.field)]
    const errors: CommentFormError[] = [{ field, message: error.message }]
    const page = await loadArticlePage(
      ctx,
      { section: article.section.slug, slug: article.slug },
      { draft: { ...draft, bodyLength: graphemeLength(draft.body) }, errors, parentId },
    )
    if (page.kind !== 'page') return { kind: 'missing' }
    const retry = error.details.retryAfterSeconds
    return {
      kind: 'refused',
      status: statusForError(error),
      retryAfterSeconds: typeof retry === 'number' ? retry : undefined,
      page: page.page,
    }
  }
}

/** Records `reader`'s report of comment `commentId` on the story at `slug`; the redirect after it. */
export async function reportComment(
  ctx: PageContext,
  slug: string,
  commentId: number,
  reader: ReaderIdentity,
  stamp: string,
): Promise<{ kind: 'reported'; location: string } | { kind: 'missing' }> {
  const story = await findStory(ctx, slug)
  if (story === undefined) return { kind: 'missing' }
  const comment = await ctx.services.comments.findVisible(commentId)
  if (comment?.articleId !== story.article.id) return { kind: 'missing' }
  try {
    await ctx.services.comments.report(commentId, reader, { formToken: stamp })
  } catch (error) {
    // Hidden by someone else's report a moment ago: nothing left to report.
    if (isMastheadError(error) && error.kind === 'not_found') return { kind: 'missing' }
    throw error
  }
  return { kind: 'reported', location: `${story.canonical}?notice=reported#comments-title` }
}

/** `notice=held`, with the reason its author is told when there is one. */
function heldQuery(because: HeldBecause | undefined): string {
  return because === undefined ? 'notice=held' : `notice=held&because=${because}`
}
