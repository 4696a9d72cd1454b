/** Every story kit, by section. */

import type { DemoSectionSlug, StoryKit } from '../kit.js'
import { ASIA_KITS } from './asia.js'
import { BUSINESS_KITS } from './business.js'
import { DEBATE_KITS } from './debate.js'
import { LATEST_KITS } from './latest.js'
import { WORLD_KITS } from './world.js'

/** The kits of each demo section. */
export const KITS_BY_SECTION: Readonly<Record<DemoSectionSlug, readonly StoryKit[]>> = {
  asia: ASIA_KITS,
  world: WORLD_KITS,
  business: BUSINESS_KITS,
  latest: LATEST_KITS,
  debate: DEBATE_KITS,
}
