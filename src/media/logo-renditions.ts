/**
 * The site logo's renditions: which exist, how large each is and where it is served. One pure
 * rule shared by the encoder, the reader site's header, structured data and the feeds.
 */

/**
 * Each rendition fits inside its box and is never enlarged; all are PNG, which keeps a logo's
 * transparency (the photo pipeline's JPEG would paint it black) and suits flat artwork.
 * - `header`: the reader site's masthead, twice the CSS box below for sharp high-density screens.
 * - `feed`: RSS 2.0's `<image>`, which may be at most 144 wide and 400 high.
 * - `large`: structured data's `publisher.logo` (Google asks for at least 112 px) and Atom's `<logo>`.
 */
export const LOGO_BOXES = {
  header: { width: 640, height: 96 },
  feed: { width: 144, height: 400 },
  large: { width: 600, height: 600 },
} as const
export type LogoKind = keyof typeof LOGO_BOXES
export const LOGO_KINDS = Object.keys(LOGO_BOXES) as LogoKind[]

/** The masthead shows the logo inside this CSS box (half the header rendition's). */
export const LOGO_DISPLAY_BOX = { width: 320, height: 48 } as const

/** A logo must be at least this many pixels on each side, and at most this much wider than high. */
export const LOGO_LIMITS = { minSide: 32, maxAspect: 12, maxBytes: 5 * 1024 * 1024 } as const

/** One rendition: its public path and its size in pixels. */
export interface LogoImage {
  url: string
  width: number
  height: number
}

/** Every rendition of a logo, and the size the masthead shows it at. */
export interface LogoRenditions {
  header: LogoImage
  feed: LogoImage
  large: LogoImage
  /** The masthead's `width`/`height` attributes (CSS pixels). */
  display: { width: number; height: number }
}

/** `size` scaled down to fit inside `box` (never up), in whole pixels of at least 1. */
export function fitInside(
  size: { width: number; height: number },
  box: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(1, box.width / size.width, box.height / size.height)
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  }
}

/** The public path of one rendition: `/media/{key}-logo-header.png`. */
export function logoPath(storageKey: string, kind: LogoKind): string {
  return `/media/${storageKey}-logo-${kind}.png`
}

/**
 * The renditions of the logo stored as `logo` (the photo's storage key and upright size).
 * @example logoRenditions({ storageKey: '2026/12/abc', width: 1200, height: 300 }).header // { url: '/media/2026/12/abc-logo-header.png', width: 384, height: 96 }
 */
export function logoRenditions(logo: {
  storageKey: string
  width: number
  height: number
}): LogoRenditions {
  const image = (kind: LogoKind): LogoImage => ({
    url: logoPath(logo.storageKey, kind),
    ...fitInside(logo, LOGO_BOXES[kind]),
  })
  return {
    header: image('header'),
    feed: image('feed'),
    large: image('large'),
    display: fitInside(logo, LOGO_DISPLAY_BOX),
  }
}
