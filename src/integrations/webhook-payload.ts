/** What a webhook receives: the event's name, id and time, and the story as the Content API shows it. */

import { randomUUID } from 'node:crypto'
import type { Newsroom } from '../newsroom/index.js'
import { type StoryLinks, storyItem } from './story-item.js'
import type { WebhookEvent } from './webhook-rules.js'

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
      : storyItem(
          summary,
          (await deps.newsroom.tagsByArticle([summary.id])).get(summary.id) ?? [],
          deps.links,
          (path) => new URL(path, deps.siteUrl + '/').href,
        )
  return JSON.stringify({
    id: `evt_${randomUUID()}`,
    event,
    occurred_at: at.toISOString(),
    story,
    ...(subject.commentId === undefined ? {} : { comment: { id: subject.commentId } }),
  })
}
