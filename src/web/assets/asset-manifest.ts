/** The public URLs of the built browser assets, and the in-memory form the server sends them from. */

/** Content-hashed URLs of every asset a page may link; they change whenever the bytes do. */
export interface AssetManifest {
  /** The site stylesheet, e.g. /assets/site.3f9a1c2b.css */
  stylesheet: string
  /** The favicon, e.g. /favicon.svg */
  favicon: string
  /** Deferred scripts, one per behaviour (see src/client/). */
  scripts: { commentCounter: string; copyLink: string; viewBeacon: string }
}

/** One file served from memory, in every coding worth sending. */
export interface BuiltAsset {
  contentType: string
  /** A short content hash, used in the URL and as the ETag. */
  hash: string
  bodies: { identity: Buffer; br?: Buffer; gzip?: Buffer }
}

export interface BuiltAssets {
  manifest: AssetManifest
  /** Every servable asset by its URL path ('/assets/site.1a2b3c4d5e.css'). */
  files: ReadonlyMap<string, BuiltAsset>
  /** The favicon, served at a fixed URL with a shorter cache lifetime. */
  favicon: BuiltAsset
}
