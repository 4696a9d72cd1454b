/**
 * Which cached pages each bus event makes stale, in one table.
 *
 * Pages tag themselves (web/site loaders) with what they show:
 *   'front'            the front page
 *   'section:{slug}'   a section front
 *   'article:{id}'     a story page, and any page showing that story's card
 *   'author:{id}'      an author page
 *   'tag:{id}'         a tag page
 *   'picks'            anything showing the editors' picks
 *   'rails'            anything showing Popular Now / Weekly Best (these lag by the 60 s TTL)
 *   'corrections'      the /corrections page
 *   'banner'           every reader page (the breaking-news banner sits on top of each)
 *
 * Events purge:
 *   article.published / updated / unpublished → article:{id}, section:{slug} (and the previous
 *       section on a move), author:{id} per author, tag:{id} per tag, front, corrections
 *       (a new note is an article.updated; an unpublished story leaves the corrections list);
 *       unpublished also purges rails (a story taken down must not linger there for the TTL)
 *   picks.changed                             → picks, front
 *   banner.changed (up, taken down, expired)  → banner
 *   comment.posted (visible only)             → article:{articleId}
 *   comment.moderated (approve, reject, spam, hidden by reports, mode change) → article:{articleId}
 *   settings.changed                          → EVERYTHING (the site name and language are on
 *       every page; the whole cache is dropped, which an admin's rare change can afford)
 *   sections.changed (added, renamed, moved)  → EVERYTHING (the navigation is on every page)
 * Rankings are not purged on refresh: the TTL bounds their staleness to a minute by design.
 * With several processes (the PostgreSQL bus) every process purges on every process's events;
 * a gap in the bus (a lost connection) clears the whole cache.
 *
 * A CDN in front (MASTHEAD_CDN_PURGE) is told the same tags, by the process that published the
 * event only (one purge request per change, however many processes), EVERYTHING as a whole-site
 * purge; a gap tells it nothing, since the publisher sent its purges.
 */

import type { Bus, BusEventName, BusEvents, HandlerScope } from '../../infra/bus/bus.js'
import type { ArticleEvent } from '../../infra/bus/events.js'

/** The pseudo-tag that drops every cached page (the store's clear), not one tag's pages. */
export const EVERYTHING = '*'

type TagsFor<E extends BusEventName> = (payload: BusEvents[E]) => string[]

const articleTags = (event: ArticleEvent): string[] => [
  `article:${event.articleId}`,
  `section:${event.sectionSlug}`,
  ...event.authorIds.map((id) => `author:${id}`),
  ...event.tagIds.map((id) => `tag:${id}`),
  'front',
  'corrections',
]

/** The one table: event → the tags whose pages it makes stale. */
export const PURGES: { readonly [E in BusEventName]?: TagsFor<E> } = {
  'article.published': articleTags,
  'article.updated': (event) => {
    const tags = articleTags(event)
    if (
      event.previousSectionSlug !== undefined &&
      event.previousSectionSlug !== event.sectionSlug
    ) {
      tags.push(`section:${event.previousSectionSlug}`)
    }
    return tags
  },
  // A story taken down leaves the rails at once too (engagement drops it from memory first).
  'article.unpublished': (event) => [...articleTags(event), 'rails'],
  'picks.changed': () => ['picks', 'front'],
  'banner.changed': () => ['banner'],
  'comment.posted': (event) => (event.visible ? [`article:${event.articleId}`] : []),
  'comment.moderated': (event) => [`article:${event.articleId}`],
  'settings.changed': () => [EVERYTHING],
  'sections.changed': () => [EVERYTHING],
}

/**
 * Subscribes `purge` to every event in PURGES, from whichever process publishes it (a shared bus
 * brings other processes' events), and `purgeAll` to the bus's gaps (events may have been
 * missed); returns the function that unsubscribes all.
 */
export function subscribePageCacheInvalidation(
  bus: Bus,
  purge: (tags: string[]) => Promise<void>,
  purgeAll: () => Promise<void>,
): () => void {
  const unsubscribeGaps = bus.onGap(purgeAll)
  const unsubscribe = subscribePurges(bus, purge, 'each-process')
  return () => {
    unsubscribeGaps()
    unsubscribe()
  }
}

/** What a CDN purger offers (infra/cdn/cdn-purger.ts). */
export interface EdgePurges {
  purge(tags: readonly string[]): void
  purgeEverything(): void
}

/**
 * Subscribes a CDN's purger to every event in PURGES published in this process (a shared bus
 * brings other processes' events, whose publishers tell the CDN themselves); returns the
 * function that unsubscribes all.
 * @example const stop = subscribeEdgePurges(services.bus, createCdnPurger({ target, siteTag, logger }))
 */
export function subscribeEdgePurges(bus: Bus, edge: EdgePurges): () => void {
  return subscribePurges(
    bus,
    (tags) => {
      if (tags.includes(EVERYTHING)) edge.purgeEverything()
      else edge.purge(tags)
    },
    'publishing-process',
  )
}

function subscribePurges(
  bus: Bus,
  purge: (tags: string[]) => void | Promise<void>,
  runsOn: HandlerScope,
): () => void {
  const unsubscribers: (() => void)[] = []
  const add = <E extends BusEventName>(event: E, tagsFor: TagsFor<E> | undefined): void => {
    if (tagsFor === undefined) return
    unsubscribers.push(
      bus.subscribe(
        event,
        async (payload) => {
          const tags = tagsFor(payload)
          if (tags.length > 0) await purge(tags)
        },
        { runsOn },
      ),
    )
  }
  // Object.keys loses the event ↔ handler pairing, but each row of PURGES is typed by its key.
  for (const event of Object.keys(PURGES) as BusEventName[]) {
    add(event, PURGES[event] as TagsFor<BusEventName> | undefined)
  }
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe()
  }
}
