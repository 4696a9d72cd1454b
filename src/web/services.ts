/** Exactly what the web layer may call: domain services, handed in by app.ts. */

import type { Accounts } from '../accounts/index.js'
import type { Comments } from '../comments/index.js'
import type { Distribution } from '../distribution/index.js'
import type { Dashboard, Engagement } from '../engagement/index.js'
import type { Imports } from '../imports/index.js'
import type { ApiKeys } from '../integrations/index.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Media } from '../media/index.js'
import type { Newsroom } from '../newsroom/index.js'
import type { Search } from '../search/index.js'
import type { Settings } from '../settings/index.js'

export interface Services {
  accounts: Accounts
  newsroom: Newsroom
  engagement: Engagement
  /** The newsroom dashboard's figures (read-only). */
  dashboard: Dashboard
  comments: Comments
  media: Media
  /** Content API keys: authentication and per-key limits. */
  apiKeys: ApiKeys
  /** Feeds, sitemaps and robots.txt. */
  distribution: Distribution
  search: Search
  /** Old addresses from imported platforms, answered with a 301 (reader site). */
  imports: Pick<Imports, 'redirectFor'>
  /** Subscribed to by the page cache, to purge what a change affects. */
  bus: Bus
  /** Admin-set site settings (name, language, comment mode, authors may publish). */
  settings: Settings
  /** Resolves when the database answers; rejects otherwise (for /healthz). */
  checkHealth(): Promise<void>
}
