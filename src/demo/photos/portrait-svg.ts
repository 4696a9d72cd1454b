/** Draws abstract head-and-shoulders portraits as SVG for the demo authors. */

import type { SeededRandom } from '../../lib/seeded-random.js'

// One rendition width (480) per format: the author box shows portraits small.
export const PORTRAIT_SIZE = 480

const BACKGROUNDS = [
  ['#e8d5b7', '#b8c4d6'],
  ['#cfe3dc', '#8fb3c9'],
  ['#f2d0c4', '#c9a7c7'],
  ['#d9e4f0', '#9fb2cc'],
  ['#efe4c8', '#c4b59a'],
  ['#d6e6c8', '#9fbf9a'],
] as const
const FIGURES = ['#2f3a4a', '#4a3b34', '#2d4a44', '#3d3350', '#503a2f', '#263645']

/** A portrait silhouette; background and figure tones vary with `random`. */
export function portraitSvg(random: SeededRandom): string {
  const [from, to] = random.pick(BACKGROUNDS)
  const figure = random.pick(FIGURES)
  // Drawn on a 600-unit canvas, rendered at PORTRAIT_SIZE pixels.
  const s = 600
  const headX = s / 2 + random.int(-20, 20)
  const headY = random.int(220, 250)
  const headR = random.int(88, 104)
  const shoulder = random.int(190, 230)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PORTRAIT_SIZE}" height="${PORTRAIT_SIZE}" viewBox="0 0 ${s} ${s}">`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>`,
    `<rect width="${s}" height="${s}" fill="url(#bg)"/>`,
    `<circle cx="${s * 0.8}" cy="${s * 0.18}" r="${random.int(60, 110)}" fill="#ffffff" opacity="0.18"/>`,
    `<path d="M${headX - shoulder} ${s} C${headX - shoulder} ${headY + 170} ${headX + shoulder} ${headY + 170} ${headX + shoulder} ${s} Z" fill="${figure}"/>`,
    `<rect x="${headX - 38}" y="${headY + headR - 20}" width="76" height="70" fill="${figure}"/>`,
    `<ellipse cx="${headX}" cy="${headY}" rx="${headR * 0.86}" ry="${headR}" fill="${figure}"/>`,
    `</svg>`,
  ].join('')
}
