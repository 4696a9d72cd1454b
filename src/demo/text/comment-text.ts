/** Readers' comments for demo stories: short, varied, and always under the 300-character limit. */

import type { SeededRandom } from '../../lib/seeded-random.js'
import { DISTRICTS } from './places.js'
import { fill } from './template.js'

const OPENERS = [
  'Good piece.',
  'Thanks for covering this.',
  'Interesting, but I have my doubts.',
  'I read this twice.',
  'Finally someone asks the obvious question.',
  'Not sure I agree.',
  'I live in {district}.',
  'Well reported.',
  '',
]

const BODIES = [
  'The part about the cost is what worries me most. Who actually pays in the end?',
  'What happened to the last plan that was announced with the same fanfare?',
  'My neighbours in {district} have been saying this for years and nobody listened.',
  'It would help to see the figures compared with other cities.',
  'The quote from the official says a lot without saying very much.',
  'We need more reporting like this and fewer press releases.',
  'This affects the people who can least afford it, as usual.',
  'I think the critics are being a bit unfair. Change is always messy.',
  'My commute has got longer every year and this explains some of why.',
  'Will there be a follow-up once the decision is made?',
  'The photo alone tells the story.',
  'My grandparents would hardly recognise the place now.',
  'Nobody asked the people who actually live near the harbour.',
  'Same story every winter. Something has to change.',
]

const CLOSERS = [
  '',
  '',
  ' Keep it up.',
  ' We will see.',
  ' Time will tell.',
  ' Please follow this up.',
]

/** One comment body (at most about 200 characters). */
export function commentBody(random: SeededRandom): string {
  const frame = { district: random.pick(DISTRICTS) }
  const opener = fill(random.pick(OPENERS), frame, random)
  const body = fill(random.pick(BODIES), frame, random)
  return `${opener} ${body}${random.pick(CLOSERS)}`.trim()
}
