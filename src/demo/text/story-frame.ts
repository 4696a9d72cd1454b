/** Draws the cast and the numbers of one story: the values its templates fill in. */

import type { SeededRandom } from '../../lib/seeded-random.js'
import type { StoryKit } from './kit.js'
import { invent } from './people.js'
import { DISTRICTS, HOME_CITY } from './places.js'
import { type Frame, fill } from './template.js'

const SMALL_NUMBERS = ['three', 'four', 'five', 'six', 'seven', 'eight', 'nine', '12', '14', '15']
const ORDINALS = ['third', 'fourth', 'fifth', 'sixth', 'seventh']
const WEEKS = ['two weeks', 'three weeks', 'six weeks', 'several weeks']
const MONTHS = ['three months', 'five months', 'eight months', '18 months', 'nine months']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** The frame of one story published at `publishedAt`, with two invented people in it. */
export function storyFrame(kit: StoryKit, random: SeededRandom, publishedAt: Date): Frame {
  const names = new Set<string>()
  const official = invent(random, names)
  const voice = invent(random, names)
  const base: Record<string, string> = {
    city: HOME_CITY,
    district: random.pick(DISTRICTS),
    place: random.pick(kit.places),
    num: random.pick(SMALL_NUMBERS),
    ordinal: random.pick(ORDINALS),
    weeks: random.pick(WEEKS),
    months: random.pick(MONTHS),
    pct: percent(random),
    pct2: percent(random),
    count: count(random),
    money: money(random),
    day: dayPhrase(random, publishedAt),
    official: official.name,
    officialLast: official.last,
    voice: voice.name,
    voiceLast: voice.last,
  }
  // Kit vocabulary may itself name shared slots ("the tram extension to {district}").
  for (const [slot, pool] of [
    ['org', kit.orgs],
    ['subject', kit.subjects],
    ['officialRole', kit.officialRoles],
    ['voiceRole', kit.voiceRoles],
  ] as const) {
    base[slot] = fill(random.pick(pool), base, random)
  }
  return base
}

function percent(random: SeededRandom): string {
  const value = random.chance(0.5)
    ? String(random.int(2, 35))
    : (random.int(11, 99) / 10).toFixed(1)
  return `${value} per cent`
}

function count(random: SeededRandom): string {
  const magnitude = random.pick([1_000, 10_000, 100_000])
  return (Math.round((random.int(12, 95) * magnitude) / 100) * 10).toLocaleString('en-GB')
}

function money(random: SeededRandom): string {
  return random.chance(0.5)
    ? `$${random.int(12, 95) / 10} billion`
    : `$${random.int(12, 95) * 10} million`
}

/** "on Tuesday" for the day of publication or the day before (UTC), as a news story would say. */
function dayPhrase(random: SeededRandom, publishedAt: Date): string {
  const back = random.chance(0.4) ? 1 : 0
  const day = WEEKDAYS[(publishedAt.getUTCDay() + 7 - back) % 7] ?? 'Monday'
  return random.chance(0.2) ? `late on ${day}` : `on ${day}`
}
