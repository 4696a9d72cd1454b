/**
 * What a webhook receives: the event's name, id and time, and the story as the Content API shows
 * it. Built here from newsroom data (the API's own mapping lives in web/, which domains never
 * import); the fields and their names match GET /api/v1/articles: change both together.
 */

import { randomUUID } from 'node:crypto'
import { photoVariants } from '../media/index.js'
import type { ArticleSummary, Newsroom, Tag } from '../newsroom/index.js'
import type { WebhookEvent } from './webhook-rules.js'

/** Root-relative reader URLs (the web layer's URL scheme, handed in by app.ts). */
export interface StoryLinks {
  story(story: { slug: string; section: { slug: string } }): string
  section(section: { slug: string }): string
  author(author: { slug: string }): string
  tag(tag: { slug: string }): string
}

/** What the payload builder needs: the newsroom's reads, the site's address and its URL scheme. */
export interface PayloadDeps {
  newsroom: Pick<Newsroom, 'summariesByIds' | 'tagsByArticle'>
  siteUrl: string
  links: StoryLinks
}

/** A story no longer published: only what identifies it. */
interface StoryRef {
  id: number
  slug: string
  section: { slug: string }
}

/** The event about `articleId` as JSON text, with the story as readers can see it now. */
export async function webhookPayload(
  deps: PayloadDeps,
  event: WebhookEvent,
  at: Date,
  subject: { articleId: number; slug: string; sectionSlug: string; commentId?: number },
): Promise<string> {
  const [summary] = await deps.newsroom.summariesByIds([subject.articleId])
  const story: object =
    summary === undefined || event === 'article.unpublished'
      ? ({
          id: subject.articleId,
          slug: subject.slug,
          section: { slug: subject.sectionSlug },
        } satisfies StoryRef)
      : storyItem(deps, summary, (await deps.newsroom.tagsByArticle([summary.id])).get(summary.id))
  return JSON.stringify({
    id: `evt_${randomUUID()}`,
    event,
    occurred_at: at.toISOString(),
    story,
    ...(subject.commentId === undefined ? {} : { comment: { id: subject.commentId } }),
  })
}

/** `story` with absolute URLs, field for field as the Content API's article item. */
function storyItem(deps: PayloadDeps, story: ArticleSummary, tags: readonly Tag[] = []): object {
  const { links } = deps
  const absolute = (path: string): string => new URL(path, deps.siteUrl + '/').href
  const photo = story.leadPhoto
  return {
    id: story.id,
    slug: story.slug,
    url: absolute(links.story(story)),
    headline: story.headline,
    dek: story.dek,
    section: { ...story.section, url: absolute(links.section(story.section)) },
    authors: story.authors.map((a) => ({
      slug: a.slug,
      name: a.name,
      url: absolute(links.author(a)),
    })),
    tags: tags.map((t) => ({ slug: t.slug, name: t.name, url: absolute(links.tag(t)) })),
    publishedAt: story.publishedAt.toISOString(),
    updatedAt: story.updatedAt?.toISOString() ?? null,
    leadPhoto:
      photo === null
        ? null
        : {
            alt: photo.alt,
            caption: photo.caption,
            credit: photo.credit,
            width: photo.width,
            height: photo.height,
            renditions: photoVariants(photo).map((v) => ({
              url: absolute(v.url),
              width: v.width,
              height: v.height,
              format: v.format,
            })),
          },
  }
}
