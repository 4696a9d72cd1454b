/** Turns the editor's form into the story desk's input, and a story back into form values. */

import {
  type ArticleChanges,
  type CommentsMode,
  type DeskStory,
  parseArticleLabel,
} from '../../../newsroom/index.js'
import { MAX_BYLINES, type StoryForm } from './story-schemas.js'

/** The fields a new story needs, always present in the editor's changes. */
interface NewStoryFields {
  headline: string
  bodyMarkdown: string
  sectionId: number
  authorIds: number[]
}

/** The editor's fields as strings, as the form shows them (after a refused save, what was typed). */
export interface StoryFormValues {
  headline: string
  dek: string
  bodyMarkdown: string
  sectionId: string
  authorIds: string[]
  tags: string
  leadPhotoId: string
  slug: string
  seoTitle: string
  seoDescription: string
  commentsMode: string
  label: string
  publishAt: string
  baseVersion: string
}

/** The values of an empty editor. */
export function emptyValues(): StoryFormValues {
  return {
    headline: '',
    dek: '',
    bodyMarkdown: '',
    sectionId: '',
    authorIds: [],
    tags: '',
    leadPhotoId: '',
    slug: '',
    seoTitle: '',
    seoDescription: '',
    commentsMode: '',
    label: 'news',
    publishAt: '',
    baseVersion: '',
  }
}

/** A saved story's values. */
export function valuesOf(story: DeskStory): StoryFormValues {
  return {
    headline: story.headline,
    dek: story.dek,
    bodyMarkdown: story.bodyMarkdown,
    sectionId: String(story.sectionId),
    authorIds: story.authorIds.map(String),
    tags: story.tagNames.join(', '),
    leadPhotoId: story.leadPhotoId === null ? '' : String(story.leadPhotoId),
    slug: story.slug,
    seoTitle: story.seoTitle,
    seoDescription: story.seoDescription,
    commentsMode: story.commentsMode ?? '',
    label: story.label,
    publishAt:
      story.status === 'scheduled' && story.publishedAt !== null
        ? story.publishedAt.toISOString().slice(0, 16)
        : '',
    baseVersion: String(story.version),
  }
}

/** The form as sent, as strings (missing fields empty). */
export function valuesFromForm(form: StoryForm): StoryFormValues {
  const picked = form as Record<string, string | undefined>
  const authors = Array.from({ length: MAX_BYLINES }, (_, i) => picked[`author${i + 1}`] ?? '')
  return {
    headline: form.headline,
    dek: form.dek ?? '',
    bodyMarkdown: form.bodyMarkdown ?? '',
    sectionId: form.sectionId ?? '',
    authorIds: authors.filter((id) => id !== ''),
    tags: form.tags ?? '',
    leadPhotoId: form.leadPhotoId ?? '',
    slug: form.slug ?? '',
    seoTitle: form.seoTitle ?? '',
    seoDescription: form.seoDescription ?? '',
    commentsMode: form.commentsMode ?? '',
    label: form.label ?? 'news',
    publishAt: form.publishAt ?? '',
    baseVersion: form.baseVersion ?? '',
  }
}

/** Every field of the form as a change; an emptied slug keeps the current one. */
export function changesOf(values: StoryFormValues): ArticleChanges & NewStoryFields {
  const slug = values.slug.trim()
  return {
    headline: values.headline,
    dek: values.dek,
    bodyMarkdown: values.bodyMarkdown,
    sectionId: Number(values.sectionId || 0),
    ...(slug === '' ? {} : { slug }),
    leadPhotoId: values.leadPhotoId === '' ? null : Number(values.leadPhotoId),
    tagNames: values.tags.split(','),
    authorIds: values.authorIds.map(Number),
    seoTitle: values.seoTitle,
    seoDescription: values.seoDescription,
    commentsMode: values.commentsMode === '' ? null : (values.commentsMode as CommentsMode),
    // An unknown label is refused with ARTICLE_LABEL_INVALID, shown next to the field.
    label: parseArticleLabel(values.label),
  }
}

/** The schedule time typed in (UTC), or undefined when the field is empty. */
export function publishAtOf(values: StoryFormValues): Date | undefined {
  if (values.publishAt === '') return undefined
  const at = new Date(`${values.publishAt}Z`)
  return Number.isNaN(at.getTime()) ? undefined : at
}
