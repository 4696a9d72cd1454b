/** The Harbour Ledger, the invented demo outlet: its sections and its staff writers. */

import type { DemoSectionSlug } from './text/kit.js'

export interface DemoSection {
  slug: DemoSectionSlug
  name: string
  description: string
  /** Share of the stories that appear in this section. */
  weight: number
}

/** Sections in navigation order. */
export const DEMO_SECTIONS: readonly DemoSection[] = [
  {
    slug: 'asia',
    name: 'Asia',
    description:
      'News and analysis from across Asia, from the southern ports to the northern capitals.',
    weight: 0.26,
  },
  {
    slug: 'world',
    name: 'World',
    description: 'Diplomacy, climate, science and the stories shaping life beyond the region.',
    weight: 0.22,
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Markets, shipping, property and energy: the money that keeps the harbour busy.',
    weight: 0.22,
  },
  {
    slug: 'latest',
    name: 'Latest',
    description: 'The newest stories from Calder Bay and its neighbourhoods, as they happen.',
    weight: 0.19,
  },
  {
    slug: 'debate',
    name: 'Debate',
    description: 'Opinion and argument: where the city makes its case and hears the other side.',
    weight: 0.11,
  },
]

export interface DemoAuthor {
  slug: string
  name: string
  jobTitle: string
  bio: string
  email: string
  /** The sections this writer covers. */
  beats: readonly DemoSectionSlug[]
}

const EMAIL_DOMAIN = 'harbourledger.example'

function author(name: string, jobTitle: string, beats: DemoSectionSlug[], bio: string): DemoAuthor {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '-')
  return { slug, name, jobTitle, bio, email: `${slug.replace(/-/g, '.')}@${EMAIL_DOMAIN}`, beats }
}

/** Nine invented staff writers. */
export const DEMO_AUTHORS: readonly DemoAuthor[] = [
  author(
    'Daniel Okafor',
    'Asia Correspondent',
    ['asia'],
    'Daniel Okafor has reported from more than a dozen Asian ports for The Harbour Ledger. He previously covered trade and labour for a wire service in Singapore. He is usually found wherever the ships are queuing.',
  ),
  author(
    'Sunhee Park-Lindqvist',
    'Regional Affairs Editor',
    ['asia', 'world'],
    'Sunhee Park-Lindqvist edits the paper’s regional coverage and writes about elections and governance. Before joining the Ledger she spent six years as a political reporter in Busan. She speaks four languages, badly in only one of them.',
  ),
  author(
    'Tomás Reyes-Whitford',
    'World Affairs Editor',
    ['world'],
    'Tomás Reyes-Whitford leads the World desk and has covered climate negotiations since the first summit he could talk his way into. He writes about diplomacy, oceans and the people who make the deals.',
  ),
  author(
    'Hana Kowalczyk',
    'Science and Health Correspondent',
    ['world'],
    'Hana Kowalczyk covers science, medicine and public health. She trained as a marine biologist before switching to journalism, and still reads research papers for fun.',
  ),
  author(
    'Priya Raman',
    'Business Editor',
    ['business'],
    'Priya Raman runs the Business desk and writes about markets, central banks and the cost of living. She joined The Harbour Ledger from a financial newsletter and has never forgiven the bond market for last spring.',
  ),
  author(
    'Marcus Tevita',
    'Shipping and Energy Reporter',
    ['business', 'asia'],
    'Marcus Tevita covers shipping, ports and energy. He grew up in a fishing family and has spent more nights on cargo ships than he would like to admit.',
  ),
  author(
    'Aiko Brennan',
    'City Reporter',
    ['latest'],
    'Aiko Brennan covers Calder Bay’s council, schools and neighbourhoods. She has sat through more budget meetings than anyone should, and still finds them interesting.',
  ),
  author(
    'Jonah Adeyemi-Frost',
    'Transport and Environment Reporter',
    ['latest', 'business'],
    'Jonah Adeyemi-Frost writes about ferries, trams, weather and the changing coastline. He commutes by bicycle and ferry, and has opinions about both.',
  ),
  author(
    'Lena Marchetti',
    'Opinion Editor',
    ['debate'],
    'Lena Marchetti edits the Debate pages and writes a weekly column about city life. She was a housing lawyer for ten years before she started arguing in print instead of in court.',
  ),
]

/**
 * Photo library size: landscapes are shared by all stories. Encoding them is most of the demo's
 * first start (nine renditions each), so the library is as small as keeps a front page varied.
 */
export const DEMO_LANDSCAPES = 16

/** Landscapes for `articles` stories: the full set from 64 stories, fewer for tiny seeds (tests). */
export function landscapeCount(articles: number): number {
  return Math.min(DEMO_LANDSCAPES, Math.max(4, Math.ceil(articles / 4)))
}
