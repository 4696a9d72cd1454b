/** Fixture props for rendering reader views without a server: a site, sections, stories, authors. */

import type { Photo } from '../../../src/media/index.js'
import type { Article, ArticleSummary, Author, Section } from '../../../src/newsroom/index.js'
import type { SiteFrame } from '../../../src/web/site/page-context.js'

export const SITE = { url: 'https://news.example.org', name: 'The Harbour Ledger', language: 'en' }

export const ASSETS = {
  stylesheet: '/assets/site.abc.css',
  newsroomStylesheet: '/assets/newsroom.abc.css',
  favicon: '/favicon.svg',
  scripts: {
    commentCounter: '/assets/comment-counter.abc.js',
    copyLink: '/assets/copy-link.abc.js',
    viewBeacon: '/assets/view-beacon.abc.js',
    storyEditor: '/assets/story-editor.abc.js',
    livePreview: '/assets/live-preview.abc.js',
    moderationKeys: '/assets/moderation-keys.abc.js',
    frontOrder: '/assets/front-order.abc.js',
  },
}

export const SECTIONS: Section[] = [
  { id: 1, slug: 'asia', name: 'Asia', description: 'News from Asia.', position: 1 },
  { id: 2, slug: 'business', name: 'Business', description: '', position: 2 },
]

export const PHOTO: Photo = {
  id: 9,
  storageKey: '2026/11/abc',
  mimeType: 'image/jpeg',
  width: 1600,
  height: 1067,
  alt: 'Cranes over the container port at dusk',
  caption: 'The port at dusk.',
  credit: 'Harbour Wire',
}

export const AUTHOR: Author = {
  id: 3,
  slug: 'mina-park',
  name: 'Mina Park',
  jobTitle: 'Asia correspondent',
  bio: 'Mina covers trade & shipping <from> Busan.',
  email: 'mina.park@example.org',
  photo: { ...PHOTO, id: 10, width: 480, height: 480, alt: '' },
}

/** A frame as loaders build it. */
export function frame(): SiteFrame {
  return {
    site: SITE,
    assets: ASSETS,
    sections: SECTIONS.map(({ slug, name }) => ({ slug, name })),
    editionDate: new Date('2026-11-20T12:00:00Z'),
  }
}

/** `count` story summaries, alternating sections, ids from `firstId`. */
export function summaries(count: number, firstId = 100): ArticleSummary[] {
  return Array.from({ length: count }, (_, index) => {
    const section = SECTIONS[index % SECTIONS.length] as Section
    return {
      id: firstId + index,
      slug: `story-${firstId + index}`,
      headline: `Story number ${firstId + index}`,
      dek: index % 3 === 0 ? '' : 'A short dek.',
      section: { slug: section.slug, name: section.name },
      publishedAt: new Date(Date.UTC(2026, 10, 19, 12, index)),
      updatedAt: null,
      leadPhoto: index % 2 === 0 ? PHOTO : null,
      authors: [{ id: AUTHOR.id, slug: AUTHOR.slug, name: AUTHOR.name, jobTitle: AUTHOR.jobTitle }],
      label: 'news',
    }
  })
}

/** A published article with a lead photo, two tags and the given body. */
export function article(
  bodyHtml = '<p>First paragraph.</p><h2>A subhead</h2><p>More.</p>',
): Article {
  return {
    id: 42,
    slug: 'port-expansion-approved',
    headline: 'Port expansion approved after </script> long debate',
    dek: 'The council voted 7 to 2.',
    section: { slug: 'asia', name: 'Asia' },
    publishedAt: new Date('2026-11-19T08:00:00Z'),
    updatedAt: new Date('2026-11-19T10:30:00Z'),
    modifiedAt: new Date('2026-11-19T10:30:00Z'),
    leadPhoto: PHOTO,
    status: 'published',
    bodyHtml,
    wordCount: 5,
    authors: [AUTHOR],
    tags: [
      { id: 1, slug: 'shipping', name: 'Shipping' },
      { id: 2, slug: 'busan', name: 'Busan' },
    ],
    label: 'news',
    notes: [],
    seoTitle: '',
    seoDescription: '',
  }
}
