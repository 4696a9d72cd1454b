/** The editor's error summary: why a save was refused, and for a conflict both texts side by side. */

import type { SafeHtml } from '../../render/html.js'
import type { StoryFormValues } from './story-form.js'

/** A refused save: the message, the field it concerns, and for a conflict the newer text. */
export interface EditorProblem {
  message: string
  field?: string
  conflict?: {
    currentVersion: number
    savedBy: string | null
    current: { headline: string; dek: string; bodyMarkdown: string }
  }
}

/** The id of the input each service field name belongs to (error details name fields). */
export const FIELD_IDS: Record<string, string> = {
  headline: 'story-headline',
  dek: 'story-dek',
  bodyMarkdown: 'story-body',
  sectionId: 'story-section',
  authorIds: 'story-author-1',
  tagNames: 'story-tags',
  tags: 'story-tags',
  leadPhotoId: 'story-photo',
  slug: 'story-slug',
  seoTitle: 'story-seo-title',
  seoDescription: 'story-seo-description',
  publishAt: 'story-publish-at',
  label: 'story-label',
  baseVersion: 'story-body',
}

/** The error summary; for a conflict, the newer text next to the one just sent. */
export function ProblemBox({
  problem,
  values,
}: {
  problem: EditorProblem
  values: StoryFormValues
}): SafeHtml {
  const target = problem.field === undefined ? undefined : FIELD_IDS[problem.field]
  return (
    <div class="error-summary" role="alert" tabindex="-1" id="story-problem">
      <h2>
        {problem.conflict === undefined
          ? 'The story was not saved'
          : 'Someone else saved this story'}
      </h2>
      <p>{target === undefined ? problem.message : <a href={`#${target}`}>{problem.message}</a>}</p>
      {problem.conflict === undefined ? null : (
        <div class="nr-conflict-texts">
          <p>
            Your text is still in the form below. Compare it with version{' '}
            {problem.conflict.currentVersion}
            {problem.conflict.savedBy === null ? '' : ` by ${problem.conflict.savedBy}`}, then save
            again to keep yours, or copy from theirs.
          </p>
          <div class="nr-conflict-columns">
            <section aria-labelledby="conflict-theirs">
              <h3 id="conflict-theirs">Their version</h3>
              <p class="nr-conflict-headline">{problem.conflict.current.headline}</p>
              <pre class="nr-conflict-text">{problem.conflict.current.bodyMarkdown}</pre>
            </section>
            <section aria-labelledby="conflict-yours">
              <h3 id="conflict-yours">Your version</h3>
              <p class="nr-conflict-headline">{values.headline}</p>
              <pre class="nr-conflict-text">{values.bodyMarkdown}</pre>
            </section>
          </div>
        </div>
      )}
    </div>
  )
}
