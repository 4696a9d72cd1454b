/** A small Ghost export written for these tests (our own text), in the shapes Ghost 3 to 6 write. */

const mobiledoc = JSON.stringify({
  version: '0.3.1',
  atoms: [['soft-return', '', {}]],
  cards: [
    [
      'image',
      {
        src: '__GHOST_URL__/content/images/2021/04/ferry.jpg',
        alt: 'The night ferry',
        caption: 'Leaving <em>port</em>',
      },
    ],
    ['hr', {}],
  ],
  markups: [['strong'], ['a', ['href', 'https://example.org/timetable']], ['em']],
  sections: [
    [
      1,
      'p',
      [
        [0, [], 0, 'The harbour board met on '],
        [0, [0], 1, 'Tuesday'],
        [0, [], 0, '.'],
      ],
    ],
    [10, 0],
    [1, 'h2', [[0, [], 0, 'New timetable']]],
    [
      3,
      'ul',
      [
        [[0, [1], 1, 'Read the timetable']],
        [
          [0, [2], 0, 'two '],
          [1, [], 0, 0],
          [0, [], 1, 'lines'],
        ],
      ],
    ],
    [10, 1],
  ],
})

const lexical = JSON.stringify({
  root: {
    type: 'root',
    version: 1,
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Rain fell ', format: 0 },
          { type: 'text', text: 'all night', format: 3 },
          { type: 'text', text: ' in the valley.', format: 0 },
        ],
      },
      {
        type: 'heading',
        tag: 'h3',
        children: [{ type: 'text', text: 'What comes next', format: 0 }],
      },
      {
        type: 'list',
        listType: 'number',
        tag: 'ol',
        children: [
          { type: 'listitem', children: [{ type: 'text', text: 'Sandbags', format: 0 }] },
          {
            type: 'listitem',
            children: [
              {
                type: 'link',
                url: 'https://example.org/roads',
                children: [{ type: 'text', text: 'Road closures', format: 0 }],
              },
            ],
          },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: 'We were ready,', format: 0 }] },
      { type: 'horizontalrule' },
      { type: 'markdown', markdown: 'A *short* note.' },
      { type: 'html', html: '<p class="box">Raw box</p>' },
      {
        type: 'image',
        src: 'https://cdn.example.org/river.jpg',
        alt: 'The river',
        caption: 'High water',
      },
      {
        type: 'embed',
        url: 'https://video.example.org/v/42',
        html: '<iframe src="https://video.example.org/e/42"></iframe>',
      },
    ],
  },
})

const ids = {
  tagNews: '60a0000000000000000000a1',
  tagWeather: '60a0000000000000000000a2',
  tagInternal: '60a0000000000000000000a3',
  userAna: '60a0000000000000000000b1',
  userBo: '60a0000000000000000000b2',
}

/** The posts: one per body format, plus a page, a draft, an untitled post and a bad date. */
export function ghostPosts(): Record<string, unknown>[] {
  const base = {
    status: 'published',
    type: 'post',
    created_at: '2021-04-01T08:00:00.000Z',
    updated_at: '2021-04-02T09:30:00.000Z',
  }
  return [
    {
      ...base,
      id: 'p1',
      title: 'Harbour board approves new ferry timetable',
      slug: 'ferry-timetable',
      mobiledoc,
      html: null,
      published_at: '2021-04-01T10:00:00.000Z',
      custom_excerpt: 'Night crossings return in May.',
    },
    {
      ...base,
      id: 'p2',
      title: 'Valley braces for a second night of rain',
      slug: 'valley-rain',
      lexical,
      published_at: '2023-11-05T06:15:00.000Z',
    },
    {
      ...base,
      id: 'p3',
      title: 'Library extends its hours',
      slug: 'library-hours',
      html: '<p>The town library will open until <strong>9 pm</strong>.</p>',
      published_at: '2022-02-10T12:00:00.000Z',
    },
    {
      ...base,
      id: 'p4',
      title: 'About us',
      slug: 'about',
      type: 'page',
      html: '<p>We are a small paper.</p>',
    },
    {
      ...base,
      id: 'p5',
      title: 'Budget notes (unfinished)',
      slug: 'budget-notes',
      status: 'draft',
      html: '<p>TK</p>',
      published_at: null,
    },
    { ...base, id: 'p6', title: '  ', slug: 'untitled', html: '<p>No title here.</p>' },
    {
      ...base,
      id: 'p7',
      title: 'Council vote delayed',
      slug: 'council-vote',
      html: '<p>Later.</p>',
      published_at: 'the fifth of May',
    },
  ]
}

/** The export's data tables; the posts come first, as Ghost writes them. */
export function ghostData(posts = ghostPosts()): Record<string, unknown> {
  return {
    posts,
    posts_meta: [],
    tags: [
      {
        id: ids.tagNews,
        name: 'Local News',
        slug: 'local-news',
        description: 'Our town',
        visibility: 'public',
      },
      { id: ids.tagWeather, name: 'Weather', slug: 'weather', visibility: 'public' },
      { id: ids.tagInternal, name: '#featured', slug: 'hash-featured', visibility: 'internal' },
    ],
    users: [
      {
        id: ids.userAna,
        name: 'Ana Ferreira',
        slug: 'ana',
        email: 'ana@example.org',
        bio: 'Covers the harbour.',
      },
      { id: ids.userBo, name: 'Bo Lindqvist', slug: 'bo', email: 'bo@example.org' },
    ],
    posts_tags: [
      { id: 'pt1', post_id: 'p1', tag_id: ids.tagNews, sort_order: 0 },
      { id: 'pt2', post_id: 'p2', tag_id: ids.tagInternal, sort_order: 0 },
      { id: 'pt3', post_id: 'p2', tag_id: ids.tagWeather, sort_order: 1 },
      { id: 'pt4', post_id: 'p3', tag_id: ids.tagWeather, sort_order: 1 },
      { id: 'pt5', post_id: 'p3', tag_id: ids.tagNews, sort_order: 0 },
    ],
    posts_authors: [
      { id: 'pa1', post_id: 'p1', author_id: ids.userAna, sort_order: 0 },
      { id: 'pa2', post_id: 'p2', author_id: ids.userBo, sort_order: 0 },
      { id: 'pa3', post_id: 'p2', author_id: ids.userAna, sort_order: 1 },
      { id: 'pa4', post_id: 'p3', author_id: ids.userBo, sort_order: 0 },
    ],
    settings: [{ key: 'title', value: 'The Valley Courier' }],
  }
}

/** A whole export in Ghost's `{ db: [{ meta, data }] }` shape. */
export function ghostExport(version = '5.75.0', posts = ghostPosts()): string {
  return JSON.stringify({
    db: [{ meta: { exported_on: 1700000000000, version }, data: ghostData(posts) }],
  })
}

export const GHOST_IDS = ids
