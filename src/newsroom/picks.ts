/** Editors' picks: replacing a curated list in one transaction and announcing the change. */

import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { pickArticleUnknown, pickListUnknown } from './errors.js'
import { existingArticleIds, replacePicks } from './pick-queries.js'
import type { PickList } from './types.js'

export const PICK_LISTS: readonly PickList[] = ['must-reads', 'top-stories']

/** Creates the picks service. */
export function createPicks({ db, clock, bus }: { db: Db; clock: Clock; bus: Bus }) {
  return {
    set: async (list: PickList, articleIds: readonly number[]): Promise<void> => {
      if (!PICK_LISTS.includes(list)) throw pickListUnknown(list)
      const ids = [...new Set(articleIds)]
      const found = await existingArticleIds(db, ids)
      const missing = ids.filter((id) => !found.has(id))
      if (missing.length > 0) throw pickArticleUnknown(missing)
      await db.transaction().execute((trx) => replacePicks(trx, list, ids, clock.now()))
      await bus.publish('picks.changed', { list })
    },
  }
}
