/** The public URLs of the built browser assets, handed to the site's layout and pages. */

/** Content-hashed URLs of every asset a page may link; they change whenever the bytes do. */
export interface AssetManifest {
  /** The site stylesheet, e.g. /assets/site.3f9a1c2b.css */
  stylesheet: string
  /** The favicon, e.g. /favicon.svg */
  favicon: string
  /** Deferred scripts, one per behaviour (see src/client/). */
  scripts: { commentCounter: string; copyLink: string; viewBeacon: string }
}
