/** Draws demo landscapes as SVG: skies, sea horizons, hills, skylines, cranes, sun or moon. */

import type { SeededRandom } from '../../lib/seeded-random.js'

export const LANDSCAPE_SIZE = { width: 1200, height: 750 } as const

type TimeOfDay = 'dawn' | 'midday' | 'dusk' | 'night' | 'overcast'
type Scene = 'skyline' | 'open sea' | 'hills' | 'container port' | 'islands'

interface Palette {
  skyTop: string
  skyBottom: string
  sea: string
  land: string
  light: string
}

const PALETTES: Record<TimeOfDay, readonly Palette[]> = {
  dawn: [
    { skyTop: '#3a4e7a', skyBottom: '#f6b48f', sea: '#4f6d8f', land: '#2c3447', light: '#ffe3b0' },
    { skyTop: '#5b6fa8', skyBottom: '#ffd2a1', sea: '#6a86a8', land: '#343d52', light: '#fff1c9' },
  ],
  midday: [
    { skyTop: '#3f88c5', skyBottom: '#bfe1f6', sea: '#1f6f96', land: '#3d6b4f', light: '#fffbe6' },
    { skyTop: '#5aa0d8', skyBottom: '#e3f2fb', sea: '#2a7fa8', land: '#55704a', light: '#ffffff' },
  ],
  dusk: [
    { skyTop: '#2b2150', skyBottom: '#f08a4b', sea: '#3b3560', land: '#1d1830', light: '#ffcf70' },
    { skyTop: '#472a5e', skyBottom: '#ff9e6d', sea: '#5a3d66', land: '#24192f', light: '#ffd98a' },
  ],
  night: [
    { skyTop: '#070b1f', skyBottom: '#1f2f57', sea: '#0d1633', land: '#05070f', light: '#f3f0d8' },
    { skyTop: '#0b1026', skyBottom: '#2b3a63', sea: '#111d3d', land: '#070912', light: '#e9eefc' },
  ],
  overcast: [
    { skyTop: '#8e99a6', skyBottom: '#d4d9de', sea: '#6c7c89', land: '#4b5560', light: '#f2f2f2' },
    { skyTop: '#7d8894', skyBottom: '#c3c9cf', sea: '#5f6f7c', land: '#3f4850', light: '#ececec' },
  ],
}

const SCENES: readonly Scene[] = ['skyline', 'open sea', 'hills', 'container port', 'islands']
const TIMES: readonly TimeOfDay[] = ['dawn', 'midday', 'dusk', 'night', 'overcast']

export interface DrawnPicture {
  svg: string
  /** What the picture shows, for the alt text. */
  alt: string
  scene: string
  time: string
}

/** The `index`-th demo landscape: scenes and times of day rotate, details come from `random`. */
export function landscapeSvg(index: number, random: SeededRandom): DrawnPicture {
  const scene = SCENES[index % SCENES.length] ?? 'skyline'
  const time = TIMES[Math.floor(index / SCENES.length) % TIMES.length] ?? 'midday'
  const palette = random.pick(PALETTES[time])
  const { width: w, height: h } = LANDSCAPE_SIZE
  const horizon = Math.round(h * (0.5 + random.next() * 0.15))
  const parts: string[] = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.skyTop}"/><stop offset="1" stop-color="${palette.skyBottom}"/></linearGradient>`,
    `<linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.sea}"/><stop offset="1" stop-color="${palette.land}"/></linearGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#sky)"/>`,
  ]
  const lightX = random.int(120, w - 120)
  const lightY = Math.round(horizon * (time === 'midday' ? 0.25 : time === 'night' ? 0.3 : 0.7))
  if (time !== 'overcast') {
    const r = time === 'night' ? 34 : random.int(40, 70)
    parts.push(
      `<circle cx="${lightX}" cy="${lightY}" r="${r}" fill="${palette.light}" opacity="0.92"/>`,
    )
  }
  if (time === 'night') parts.push(stars(random, w, horizon))
  if (time === 'overcast') parts.push(clouds(random, w, horizon, palette.light))
  parts.push(`<rect y="${horizon}" width="${w}" height="${h - horizon}" fill="url(#sea)"/>`)
  if (time !== 'overcast') parts.push(glitter(random, lightX, horizon, h, palette.light))

  const detail = drawScene(scene, random, horizon, palette, time === 'night')
  parts.push(detail)
  if (random.chance(0.6)) parts.push(boat(random, horizon, h, palette.land))
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${parts.join('')}</svg>`,
    alt: describe(scene, time),
    scene,
    time,
  }
}

function drawScene(
  scene: Scene,
  random: SeededRandom,
  horizon: number,
  palette: Palette,
  night: boolean,
): string {
  const { width: w } = LANDSCAPE_SIZE
  switch (scene) {
    case 'skyline':
      return skyline(random, horizon, palette, night, 0, w)
    case 'container port':
      return cranes(random, horizon, palette) + skyline(random, horizon, palette, night, w * 0.6, w)
    case 'hills':
      return hills(random, horizon, palette.land, 3)
    case 'islands':
      return hills(random, horizon, palette.land, 1, true)
    case 'open sea':
      return ''
  }
}

function skyline(
  random: SeededRandom,
  horizon: number,
  palette: Palette,
  night: boolean,
  from: number,
  to: number,
): string {
  const out: string[] = []
  for (let x = from; x < to;) {
    const bw = random.int(30, 80)
    const bh = random.int(40, Math.round(horizon * 0.55))
    out.push(
      `<rect x="${x}" y="${horizon - bh}" width="${bw}" height="${bh}" fill="${palette.land}"/>`,
    )
    if (night) {
      for (let i = random.int(2, 6); i > 0; i--) {
        const wx = x + random.int(4, bw - 10)
        const wy = horizon - random.int(10, bh - 6)
        out.push(`<rect x="${wx}" y="${wy}" width="5" height="7" fill="#ffd97a" opacity="0.85"/>`)
      }
    }
    x += bw + random.int(0, 12)
  }
  return out.join('')
}

function cranes(random: SeededRandom, horizon: number, palette: Palette): string {
  const out: string[] = []
  for (let i = 0; i < random.int(2, 4); i++) {
    const x = 80 + i * random.int(150, 190)
    const top = horizon - random.int(170, 240)
    out.push(
      `<rect x="${x}" y="${top}" width="10" height="${horizon - top}" fill="${palette.land}"/>`,
      `<rect x="${x + 60}" y="${top}" width="10" height="${horizon - top}" fill="${palette.land}"/>`,
      `<rect x="${x - 40}" y="${top}" width="190" height="12" fill="${palette.land}"/>`,
    )
  }
  for (let x = 40; x < 700; x += random.int(46, 60)) {
    const colour = random.pick(['#b5442f', '#2f6fb5', '#d9a227', '#3c8c5a', '#8a8f99'])
    out.push(`<rect x="${x}" y="${horizon - 26}" width="44" height="24" fill="${colour}"/>`)
  }
  return out.join('')
}

function hills(
  random: SeededRandom,
  horizon: number,
  colour: string,
  layers: number,
  islands = false,
): string {
  const { width: w } = LANDSCAPE_SIZE
  const out: string[] = []
  for (let layer = 0; layer < layers; layer++) {
    const peak = horizon - random.int(60, 200) + layer * 40
    const start = islands ? random.int(100, 500) : -50
    const end = islands ? start + random.int(300, 600) : w + 50
    const mid = (start + end) / 2 + random.int(-100, 100)
    out.push(
      `<path d="M${start} ${horizon} Q${mid} ${peak - 60} ${end} ${horizon} Z" fill="${colour}" opacity="${(0.6 + layer * 0.2).toFixed(2)}"/>`,
    )
  }
  return out.join('')
}

function stars(random: SeededRandom, w: number, horizon: number): string {
  return Array.from({ length: 40 }, () => {
    return `<circle cx="${random.int(0, w)}" cy="${random.int(0, horizon - 40)}" r="1.5" fill="#ffffff" opacity="0.8"/>`
  }).join('')
}

function clouds(random: SeededRandom, w: number, horizon: number, colour: string): string {
  return Array.from({ length: 6 }, () => {
    const x = random.int(0, w)
    const y = random.int(40, horizon - 80)
    return `<ellipse cx="${x}" cy="${y}" rx="${random.int(120, 260)}" ry="${random.int(25, 50)}" fill="${colour}" opacity="0.45"/>`
  }).join('')
}

function glitter(
  random: SeededRandom,
  x: number,
  horizon: number,
  h: number,
  colour: string,
): string {
  return Array.from({ length: 14 }, (_, i) => {
    const y = horizon + 10 + i * ((h - horizon) / 15)
    const half = 20 + i * 6 + random.int(0, 20)
    return `<rect x="${x - half}" y="${y.toFixed(0)}" width="${half * 2}" height="3" fill="${colour}" opacity="0.35"/>`
  }).join('')
}

function boat(random: SeededRandom, horizon: number, h: number, colour: string): string {
  const x = random.int(100, 1000)
  const y = horizon + random.int(40, Math.round((h - horizon) * 0.6))
  return `<path d="M${x} ${y} L${x + 90} ${y} L${x + 75} ${y + 18} L${x + 12} ${y + 18} Z" fill="${colour}"/><rect x="${x + 35}" y="${y - 22}" width="24" height="22" fill="${colour}"/>`
}

const TIME_WORDS: Record<TimeOfDay, string> = {
  dawn: 'at dawn',
  midday: 'under a clear midday sky',
  dusk: 'at dusk',
  night: 'at night',
  overcast: 'under heavy grey cloud',
}

const SCENE_WORDS: Record<Scene, string> = {
  skyline: 'A city skyline above the water',
  'open sea': 'Open sea stretching to the horizon',
  hills: 'Green hills rising above the bay',
  'container port': 'Container cranes and stacked boxes along a quay',
  islands: 'A small island off the coast',
}

function describe(scene: Scene, time: TimeOfDay): string {
  return `${SCENE_WORDS[scene]} ${TIME_WORDS[time]}`
}
