/** The site identity the web layer (and distribution) renders with, following the admin's settings. */

import type { Config } from '../config.js'
import { logoRenditions, type LogoRenditions } from '../media/index.js'
import type { Settings, SiteLogo } from '../settings/index.js'

/** The configured URL, and the name, language and logo in force. */
export interface LiveSite {
  readonly url: string
  readonly name: string
  readonly language: string
  /** The logo's renditions; null: the site shows its name. */
  readonly logo: LogoRenditions | null
}

/**
 * `site` whose name, language and logo are read from `settings` at each use (the URL stays the
 * configured one), so a change on the settings screen shows on the next render.
 * @example app.register(sitePlugin, { services, site: liveSite(config.site, services.settings) })
 */
export function liveSite(site: Config['site'], settings: Pick<Settings, 'current'>): LiveSite {
  // Renditions are derived once per logo, not on every page.
  let madeFor: SiteLogo | null = null
  let made: LogoRenditions | null = null
  return {
    url: site.url,
    get name() {
      return settings.current().siteName
    },
    get language() {
      return settings.current().language
    },
    get logo() {
      const logo = settings.current().logo
      if (logo !== madeFor) {
        madeFor = logo
        made = logo === null ? null : logoRenditions(logo)
      }
      return made
    },
  }
}
