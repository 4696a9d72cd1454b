/** "You May Also Like": stories sharing tags and section, memoized per story between refreshes. */

import type { Logger } from '../infra/logger.js'
import type { ArticleSummary, Newsroom } from '../newsroom/index.js'
import { rankRelated, type RelatedCandidate } from './ranking-rules.js'

/** How many candidates each source contributes (section latest, each tag's latest). */
const POOL_PER_SOURCE = 30
/** How many tag-sharing stories join the candidates. */
const SHARING_POOL = 60
/** Memo entries kept at most; the oldest goes first. */
const MEMO_LIMIT = 2_000

export interface Related {
  /** Related stories for `articleId`, best first (unfiltered; the caller applies the rail options). */
  of(articleId: number): Promise<readonly ArticleSummary[]>
  /** Forgets every memo (after a refresh). */
  clear(): void
}

/** Creates the related-stories memo over the newsroom's public functions. */
export function createRelated({
  newsroom,
  logger,
}: {
  newsroom: Newsroom
  logger: Logger
}): Related {
  const memo = new Map<number, Promise<readonly ArticleSummary[]>>()

  const compute = async (articleId: number): Promise<readonly ArticleSummary[]> => {
    const [[story], tagMap, sections] = await Promise.all([
      newsroom.summariesByIds([articleId]),
      newsroom.tagIdsByArticle([articleId]),
      newsroom.listSections(),
    ])
    if (story === undefined) return []
    const tagIds = tagMap.get(articleId) ?? []
    const section = sections.find((s) => s.slug === story.section.slug)
    const [sectionLatest, sharing] = await Promise.all([
      section === undefined
        ? Promise.resolve([])
        : newsroom.latestArticles({
            sectionId: section.id,
            limit: POOL_PER_SOURCE,
            excludeIds: [articleId],
          }),
      // One grouped query over the story's tags, instead of a listing per tag (12–35 ms at
      // 10,000 stories on a cache miss).
      tagIds.length === 0
        ? Promise.resolve([])
        : newsroom.storiesSharingTags(articleId, SHARING_POOL),
    ])
    const inSection = new Set(sectionLatest.map((s) => s.id))
    const lists = [
      sectionLatest,
      await newsroom.summariesByIds(sharing.map((s) => s.id).filter((id) => !inSection.has(id))),
    ]
    const pool = new Map<number, ArticleSummary>()
    for (const summary of lists.flat()) if (summary.id !== articleId) pool.set(summary.id, summary)
    const poolTags = await newsroom.tagIdsByArticle([...pool.keys()])
    const candidates: RelatedCandidate[] = [...pool.values()].map((summary) => ({
      summary,
      tagIds: poolTags.get(summary.id) ?? [],
    }))
    return rankRelated({ id: articleId, sectionSlug: story.section.slug, tagIds }, candidates)
  }

  return {
    of: (articleId) => {
      const cached = memo.get(articleId)
      if (cached !== undefined) return cached
      if (memo.size >= MEMO_LIMIT) {
        const oldest = memo.keys().next()
        if (oldest.done !== true) memo.delete(oldest.value)
      }
      const pending = compute(articleId).catch((error: unknown) => {
        memo.delete(articleId)
        logger.error({ err: error, articleId }, 'related: computing failed')
        return []
      })
      memo.set(articleId, pending)
      return pending
    },
    clear: () => memo.clear(),
  }
}
