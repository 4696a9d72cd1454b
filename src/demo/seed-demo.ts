/** Generates The Harbour Ledger demo outlet: photos, staff, stories, view history, comments and picks. */

import type { Accounts } from '../accounts/index.js'
import type { Comments } from '../comments/index.js'
import type { Engagement } from '../engagement/index.js'
import { createSeededRandom, type SeededRandom } from '../lib/seeded-random.js'
import type { Media } from '../media/index.js'
import type { Newsroom } from '../newsroom/index.js'
import { forEachInParallel } from './in-parallel.js'
import { demoLabel } from './labels.js'
import { landscapeCount } from './outlet.js'
import { ensureAdmin, ensureAuthors, ensureSections, missingAuthors } from './outlet-setup.js'
import { createDemoPhotos } from './photos/demo-photos.js'
import { demoComments, demoPicks } from './reader-activity.js'
import { planStories } from './story-plan.js'
import { viewHistory } from './view-history.js'

export { prebuiltPhotosDir } from './photos/prebuilt-photos.js'

export interface DemoServices {
  accounts: Accounts
  media: Media
  newsroom: Newsroom
  engagement: Engagement
  comments: Comments
}

export interface SeedDemoOptions {
  /** How many stories to publish. */
  articles: number
  /** Same seed and `now`, same outlet (photos' random file names aside). */
  seed: number
  /** Stories are published during the 60 days before this instant; the wall clock is never read. */
  now: Date
  onProgress?: (message: string) => void
  /** Where photos encoded at build time are (prebuilt-photos.ts); without it all are encoded. */
  prebuiltPhotosDir?: string
}

/** Above this many stories, view histories use coarse buckets so big seeds stay quick. */
const FINE_HISTORY_LIMIT = 2_000
/** Comments posted at once (PostgreSQL gains from it; SQLite queues them). */
const PARALLEL_WRITES = 4

/** The random stream the demo's photos are drawn from (a stream of their own: see seedDemo). */
export function demoPhotoRandom(seed: number): SeededRandom {
  return createSeededRandom((seed * 7919 + 1) >>> 0)
}

/**
 * Seeds the demo outlet into empty or already-seeded services; returns the admin's credentials.
 * @example const { admin } = await seedDemo(app.services, { articles: 300, seed: 1, now: new Date() })
 */
export async function seedDemo(
  services: DemoServices,
  options: SeedDemoOptions,
): Promise<{ admin: { email: string; password: string }; articles: number }> {
  const { accounts, media, newsroom, engagement, comments } = services
  const { now, seed } = options
  const progress = options.onProgress ?? (() => {})
  const articles = Math.max(0, Math.floor(options.articles))
  // Separate streams, so that (say) more photos never change the stories' text.
  const stream = (salt: number) => createSeededRandom((seed * 7919 + salt) >>> 0)

  const sections = await ensureSections(newsroom)
  const missing = await missingAuthors(newsroom)
  const photos = await createDemoPhotos(
    media,
    demoPhotoRandom(seed),
    { landscapes: landscapeCount(articles), portraitsOf: missing.map((a) => a.name) },
    progress,
    options.prebuiltPhotosDir,
  )
  const authors = await ensureAuthors(newsroom, missing, photos.portraits)
  const admin = await ensureAdmin(accounts)

  const plans = planStories(stream(2), { count: articles, now, landscapes: photos.landscapes })
  const labels = stream(6)
  const created: { id: number; publishedAt: Date }[] = []
  for (const [i, plan] of plans.entries()) {
    const section = sections.get(plan.section)
    if (section === undefined) throw new Error(`demo section ${plan.section} is missing`)
    const article = await newsroom.createArticle({
      headline: plan.text.headline,
      dek: plan.text.dek,
      bodyMarkdown: plan.text.bodyMarkdown,
      sectionId: section.id,
      authorIds: plan.authorSlugs.flatMap((slug) => authors.get(slug)?.id ?? []),
      tagNames: plan.text.tagNames,
      leadPhotoId: plan.leadPhoto.id,
      status: 'published',
      publishedAt: plan.publishedAt,
      updatedAt: plan.updatedAt,
      label: demoLabel(labels, plan.section),
    })
    created.push({ id: article.id, publishedAt: plan.publishedAt })
    if ((i + 1) % 50 === 0 || i + 1 === plans.length) progress(`articles ${i + 1}/${plans.length}`)
  }

  const views = stream(3)
  const detail = articles > FINE_HISTORY_LIMIT ? 'coarse' : 'fine'
  const buckets = plans.flatMap((plan, i) =>
    viewHistory(views, {
      publishedAt: plan.publishedAt,
      now,
      popularity: plan.popularity,
      detail,
      revival: plan.revival,
    }).map((bucket) => ({ articleId: created[i]?.id ?? 0, ...bucket })),
  )
  await engagement.addViewHistory(
    buckets.map((b) => ({ articleId: b.articleId, at: b.hour, views: b.views })),
  )
  progress(`views ${buckets.length} hourly buckets`)

  const talk = stream(4)
  const threads = created.map((story) =>
    demoComments(talk, story.publishedAt, now).map((c) => ({ ...c, articleId: story.id })),
  )
  const allComments = threads.flat()
  await forEachInParallel(allComments, PARALLEL_WRITES, async (c) => {
    await comments.post(c)
  })
  progress(`comments ${allComments.length}`)

  const picks = demoPicks(stream(5), created, now)
  await newsroom.setPicks('top-stories', picks.topStories)
  await newsroom.setPicks('must-reads', picks.mustReads)
  return { admin, articles: created.length }
}
