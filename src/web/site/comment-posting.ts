/** Turns a posted comment form into a comments.post call, and a refusal into the form shown again. */

import { graphemeLength } from '../../comments/index.js'
import { isMastheadError } from '../../lib/errors.js'
import type { CommentField, CommentFormError } from './components/comments.js'
import type { LoadedPage, PageContext } from './page-context.js'
import { type ArticlePageProps, loadArticlePage } from './pages/article-page.js'
import type { CommentForm } from './route-schemas.js'
import { articlePath } from './site-urls.js'

/** What the comment route answers. */
export type CommentOutcome =
  | { kind: 'posted'; location: string }
  | { kind: 'refused'; page: LoadedPage<ArticlePageProps> }
  | { kind: 'missing' }

/** The domain names fields as its input does; the form names them as readers see them. */
const FORM_FIELDS: Record<string, CommentField> = {
  authorName: 'name',
  authorEmail: 'email',
  body: 'body',
}

/** Posts the form to the story at `slug` (current or former). */
export async function postComment(
  ctx: PageContext,
  slug: string,
  form: CommentForm,
): Promise<CommentOutcome> {
  const { newsroom, comments } = ctx.services
  let lookup = await newsroom.findPublishedArticle(slug)
  // A story renamed while the reader was typing still takes the comment.
  if (lookup?.kind === 'moved') lookup = await newsroom.findPublishedArticle(lookup.slug)
  if (lookup?.kind !== 'found') return { kind: 'missing' }
  const { article } = lookup
  const canonical = articlePath(article)

  // Only bots fill the invisible field: answer as if it worked, store nothing.
  if ((form.website ?? '') !== '') return { kind: 'posted', location: canonical }

  const draft = {
    name: form.name ?? '',
    email: form.email ?? '',
    body: form.body ?? '',
  }
  try {
    const comment = await comments.post({
      articleId: article.id,
      parentId:
        form.parent_id === undefined || form.parent_id === '' ? null : Number(form.parent_id),
      authorName: draft.name,
      authorEmail: draft.email.trim() === '' ? null : draft.email,
      body: draft.body,
    })
    return { kind: 'posted', location: `${canonical}#comment-${comment.id}` }
  } catch (error) {
    if (!isMastheadError(error)) throw error
    if (error.kind === 'not_found') return { kind: 'missing' }
    if (error.kind !== 'invalid') throw error
    const field = FORM_FIELDS[String(error.details.field)]
    const errors: CommentFormError[] = [{ field, message: error.message }]
    const page = await loadArticlePage(
      ctx,
      { section: article.section.slug, slug: article.slug },
      { draft: { ...draft, bodyLength: graphemeLength(draft.body) }, errors },
    )
    if (page.kind !== 'page') return { kind: 'missing' }
    return { kind: 'refused', page: page.page }
  }
}
