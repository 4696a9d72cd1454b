/** The public URLs of the built browser assets, their in-memory form, and the manifest.json that lists them. */

/** Content-hashed URLs of every asset a page may link; they change whenever the bytes do. */
export interface AssetManifest {
  /** The site stylesheet, e.g. /assets/site.3f9a1c2b.css */
  stylesheet: string
  /** The newsroom's own rules, linked after the site stylesheet on newsroom pages. */
  newsroomStylesheet: string
  /** The favicon, e.g. /favicon.svg */
  favicon: string
  /** Deferred scripts, one per behaviour (see src/client/). */
  scripts: {
    commentCounter: string
    copyLink: string
    viewBeacon: string
    storyEditor: string
    livePreview: string
    moderationKeys: string
    frontOrder: string
  }
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

/** Bumped whenever the shape of manifest.json changes, so an old build is refused, not misread. */
export const ASSET_FILES_VERSION = 3

/** One asset as manifest.json records it: file names relative to the manifest's directory. */
export interface StoredAsset {
  file: string
  contentType: string
  /** The first 12 hex digits of the SHA-256 of the uncompressed bytes (the URL holds it too). */
  hash: string
  /** The brotli file, when it is smaller than the original. */
  br?: string
  /** The gzip file, when it is smaller than the original. */
  gzip?: string
}

/** The whole of manifest.json, written by `npm run build` (see build-assets.ts). */
export interface AssetFiles {
  version: number
  /** What pages link. */
  manifest: AssetManifest
  /** Every hashed asset by its URL path. */
  files: Record<string, StoredAsset>
  favicon: StoredAsset
}
