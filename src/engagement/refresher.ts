/**
 * Keeps engagement's memory current: the story catalogue, the related index and the rankings.
 * The jobs (jobs/) and an explicit refresh call it; its tasks run one after the other.
 */

import type { Logger } from '../infra/logger.js'
import type { Newsroom } from '../newsroom/index.js'
import type { Rankings } from './rankings.js'
import type { Related } from './related.js'
import type { StoryCatalogue } from './story-catalogue.js'

export interface RefresherDeps {
  newsroom: Newsroom
  catalogue: StoryCatalogue
  rankings: Rankings
  related: Related
  logger: Logger
  /** Told when the first warm-up starts and when it is done (see EngagementDeps.onWarmUp). */
  onWarmUp?: (running: boolean) => void
}

export interface Refresher {
  /** Notes a story an article event named; the next syncChanged re-reads it (no I/O now). */
  noteChanged(articleId: number): void
  /** Notes that the editors' picks changed; the next syncChanged recomputes the rankings. */
  notePicksChanged(): void
  /** Re-reads the stories noted since the last sync: a burst of events costs one sync. */
  syncChanged(): Promise<void>
  /** Reads the newest view buckets; the first call loads everything and builds the index. */
  refreshRankings(): Promise<void>
  /** Everything current now: noted stories, the index, the catalogue; `full` re-reads the week. */
  refreshAll(options: { full: boolean }): Promise<void>
  /** True once the first load and index build are done. */
  warmedUp(): boolean
  /** Stops a build in progress and waits for the tasks started so far. */
  close(): Promise<void>
}

/** Creates the refresher; it does nothing until called. */
export function createRefresher(deps: RefresherDeps): Refresher {
  const { newsroom, catalogue, rankings, related, logger } = deps
  let loaded = false
  let indexBuilt = false
  // Elapsed time for the log line only (not domain time, so not the injected clock).
  let warmUpStarted: number | undefined
  let warmedUp = false
  let building: Promise<void> | undefined
  let pending = new Set<number>()
  let picksChanged = false

  // Catalogue reloads and syncs run one after the other: a reload read before a publish must
  // not overwrite the sync of that publish.
  let tail: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.catch(() => undefined).then(task)
    tail = next
    return next
  }

  /**
   * The index build runs beside the queue (it reads page by page and yields), once at a time; a
   * failure is logged and the next refresh tries again.
   */
  const buildIndex = (): Promise<void> =>
    (building ??= related.build().then(
      () => {
        indexBuilt = true
        building = undefined
      },
      (error: unknown) => {
        building = undefined
        logger.error({ err: error }, 'related: building the index failed; retried next refresh')
      },
    ))

  /** Catalogue (when asked), buckets, then the co-reads of the stories just read. */
  const update = (options: { full: boolean; catalogue: boolean }): Promise<void> =>
    serial(async () => {
      if (options.full || options.catalogue) {
        catalogue.reset(await newsroom.catalogueStories())
        // Stories whose events were missed (another process without a shared bus, a crash)
        // are indexed or dropped now.
        if (indexBuilt) await related.reconcile([...catalogue.all()].map((s) => s.id))
      }
      const touched = await rankings.refresh({ full: options.full })
      await related.refreshCoReads(touched)
      // A catalogue reload warms up too: the window's first read is always a full one.
      loaded ||= options.full || options.catalogue
    })

  const syncChanged = (): Promise<void> =>
    serial(async () => {
      const ids = [...pending]
      pending = new Set()
      const picks = picksChanged
      picksChanged = false
      if (ids.length === 0) {
        if (picks) await rankings.refresh()
        return
      }
      const found = await newsroom.catalogueStories(ids)
      const published = new Set(found.map((s) => s.id))
      for (const id of ids) if (!published.has(id)) catalogue.remove(id)
      catalogue.upsert(found)
      await related.sync(ids)
      await rankings.refresh()
    })

  const beginWarmUp = (): void => {
    if (warmUpStarted !== undefined) return
    warmUpStarted = performance.now()
    deps.onWarmUp?.(true)
  }

  /** Once the first load and the index are both done: says so, with how long it took. */
  const endWarmUp = (): void => {
    if (warmedUp || !loaded || !indexBuilt) return
    warmedUp = true
    deps.onWarmUp?.(false)
    const ms = Math.round(performance.now() - (warmUpStarted ?? performance.now()))
    logger.info({ stories: catalogue.size, ms }, 'engagement: warmed up (catalogue, index, rails)')
  }

  const refreshAll = async (options: { full: boolean }): Promise<void> => {
    beginWarmUp()
    await syncChanged()
    if (!indexBuilt) await buildIndex()
    // An explicit refresh also reloads the catalogue: callers expect everything current.
    await update({ full: options.full, catalogue: true })
    endWarmUp()
  }

  return {
    noteChanged: (articleId) => void pending.add(articleId),
    notePicksChanged: () => {
      picksChanged = true
    },
    syncChanged,
    refreshRankings: async () => {
      // The first run warms everything up (pages served meanwhile get empty rails); the rankings
      // do not wait for the index, which is tried again on each run until it is built.
      beginWarmUp()
      const index = indexBuilt ? undefined : buildIndex()
      await update({ full: !loaded, catalogue: !loaded })
      await index
      endWarmUp()
    },
    refreshAll,
    warmedUp: () => warmedUp,
    close: async () => {
      related.cancel()
      await Promise.allSettled([tail, building])
      await rankings.settle()
    },
  }
}
