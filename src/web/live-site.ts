/** The site identity the web layer renders with, following the admin's settings. */

import type { Config } from '../config.js'
import type { Settings } from '../settings/index.js'

/**
 * `site` whose name and language are read from `settings` at each use (the URL stays the
 * configured one), so a change on the settings screen shows on the next render.
 * @example app.register(sitePlugin, { services, site: liveSite(config.site, services.settings) })
 */
export function liveSite(
  site: Config['site'],
  settings: Pick<Settings, 'current'>,
): Config['site'] {
  return {
    url: site.url,
    get name() {
      return settings.current().siteName
    },
    get language() {
      return settings.current().language
    },
  }
}
