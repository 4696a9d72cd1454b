/** The types of work a story can be (its label), and the rule that reads one from input. */

import { articleLabelInvalid } from './note-errors.js'
import type { ArticleLabel } from './types.js'

/** Every label, in the order an editor's menu lists them; 'news' is the default. */
export const ARTICLE_LABELS: readonly ArticleLabel[] = [
  'news',
  'analysis',
  'opinion',
  'explainer',
  'review',
  'sponsored',
]

/** The label named by `value` (any case, trimmed); throws ARTICLE_LABEL_INVALID otherwise. */
export function parseArticleLabel(value: string): ArticleLabel {
  const label = value.trim().toLowerCase()
  if (!(ARTICLE_LABELS as readonly string[]).includes(label))
    throw articleLabelInvalid(value, ARTICLE_LABELS)
  return label as ArticleLabel
}
