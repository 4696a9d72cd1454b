/** Writes one demo story from a kit: headline, dek and a Markdown body with subheadings and a quote. */

import type { SeededRandom } from '../../lib/seeded-random.js'
import { slugify } from '../../lib/slug.js'
import type { StoryKit } from './kit.js'
import { introducePeople, PERSON_MARKERS } from './person-mentions.js'
import {
  NEWS_CONTEXT,
  NEWS_LINKS,
  NEWS_OUTLOOK,
  NEWS_QUOTE_INTROS,
  NEWS_REACTION,
  OPINION_ARGUMENT,
  OPINION_CLOSE,
  OPINION_LINKS,
  OPINION_QUOTE_INTROS,
} from './shared-sentences.js'
import { storyFrame } from './story-frame.js'
import { capitalize, createDeck, type Frame, fill } from './template.js'

export interface StoryText {
  headline: string
  dek: string
  bodyMarkdown: string
  tagNames: string[]
}

export interface StoryOptions {
  publishedAt: Date
  /** A photo to place inside the body (`![alt](photo:ID)`). */
  bodyPhoto?: { id: number; alt: string } | undefined
  /** Slugs of headlines already used; a story tries a few times to avoid repeating one. */
  usedHeadlines?: Set<string>
}

const HEADLINE_ATTEMPTS = 12

/** Writes one story of `kit`; everything depends only on `random` and `options`. */
export function writeStory(kit: StoryKit, random: SeededRandom, options: StoryOptions): StoryText {
  let frame = storyFrame(kit, random, options.publishedAt)
  let headline = capitalize(fill(random.pick(kit.headlines), frame, random))
  for (let i = 1; i < HEADLINE_ATTEMPTS && options.usedHeadlines?.has(slugify(headline)); i++) {
    frame = storyFrame(kit, random, options.publishedAt)
    headline = capitalize(fill(random.pick(kit.headlines), frame, random))
  }
  options.usedHeadlines?.add(slugify(headline))

  const dek = capitalize(fill(random.pick(kit.deks), frame, random))
  const body = introducePeople(writeBody(kit, random, frame, options).join('\n\n'), frame)
  const tagCount = random.int(2, Math.min(4, kit.tags.length))
  return {
    headline,
    dek,
    bodyMarkdown: `${body}\n`,
    tagNames: random.shuffle(kit.tags).slice(0, tagCount),
  }
}

/** The body's blocks (paragraphs, subheadings, the quote, maybe a photo), in reading order. */
function writeBody(
  kit: StoryKit,
  random: SeededRandom,
  frame: Frame,
  options: StoryOptions,
): string[] {
  const opinion = kit.style === 'opinion'
  const marked: Frame = { ...frame, ...PERSON_MARKERS, url: exampleUrl(kit, frame) }
  const say = (template: string): string => capitalize(fill(template, marked, random))
  // Each deck runs dry rather than repeating itself: a story never says the same thing twice.
  const middle = opinion
    ? [createDeck(kit.facts, random), createDeck(OPINION_ARGUMENT, random)]
    : [
        createDeck(kit.facts, random),
        createDeck(NEWS_CONTEXT, random),
        createDeck(NEWS_REACTION, random, 3),
      ]
  const outlook = createDeck(opinion ? OPINION_CLOSE : NEWS_OUTLOOK, random)
  const subhead = createDeck(kit.subheads, random)
  const nextMiddle = (): string | undefined => {
    for (const deck of random.shuffle(middle)) {
      const template = deck()
      if (template !== undefined) return template
    }
    return undefined
  }

  const paragraphs = random.int(5, 12)
  const subheads = paragraphs >= 10 ? 3 : paragraphs >= 7 ? 2 : 1
  const quoteAfter = random.int(1, 2)
  const linkAt = random.int(1, paragraphs - 2)
  const subheadAt = new Set(
    Array.from({ length: subheads }, (_, i) => 2 + Math.floor(((paragraphs - 2) * i) / subheads)),
  )

  const blocks: string[] = []
  for (let p = 0; p < paragraphs; p++) {
    const last = p === paragraphs - 1
    const sentences: string[] = []
    if (p === 0) sentences.push(random.pick(kit.ledes), nextMiddle() ?? '')
    else if (last) sentences.push(nextMiddle() ?? '', outlook() ?? '')
    else for (let s = random.int(2, 3); s > 0; s--) sentences.push(nextMiddle() ?? '')
    if (p === linkAt) sentences.push(random.pick(opinion ? OPINION_LINKS : NEWS_LINKS))
    const text = sentences
      .filter((s) => s !== '')
      .map(say)
      .join(' ')
    if (text === '') continue
    const heading = subheadAt.has(p) ? subhead() : undefined
    if (heading !== undefined) blocks.push(`## ${say(heading)}`)
    blocks.push(text)
    if (p === quoteAfter) blocks.push(...quoteBlocks(kit, random, marked, frame, opinion))
    if (p === 3 && options.bodyPhoto !== undefined) {
      blocks.push(
        `![${options.bodyPhoto.alt.replace(/[[\]]/g, '')}](photo:${options.bodyPhoto.id})`,
      )
    }
  }
  return blocks
}

/** An introducing paragraph and a `>` quote block attributed to whoever the intro names. */
function quoteBlocks(
  kit: StoryKit,
  random: SeededRandom,
  marked: Frame,
  frame: Frame,
  opinion: boolean,
): string[] {
  const intro = random.pick(opinion ? OPINION_QUOTE_INTROS : NEWS_QUOTE_INTROS)
  const byOfficial = intro.includes('{official}')
  const speaker = byOfficial ? frame.official : frame.voice
  const role = byOfficial ? frame.officialRole : frame.voiceRole
  const quote = fill(random.pick(kit.quotes), frame, random)
  return [
    capitalize(fill(intro, marked, random)),
    `> “${quote}”\n>\n> — ${speaker ?? ''}, ${role ?? ''}`,
  ]
}

/** A stable example.org address for the document a story links to. */
function exampleUrl(kit: StoryKit, frame: Frame): string {
  return `https://example.org/${kit.id}/${slugify(frame.subject ?? 'report')}`
}
