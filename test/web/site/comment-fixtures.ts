/** Fixture props for the comments block: two threads (one with a reply) on an open story. */

import type { CommentsProps } from '../../../src/web/site/components/comments.js'

/** The comments block of the fixture story, with `overrides`. */
export function commentsProps(overrides: Partial<CommentsProps> = {}): CommentsProps {
  const at = (minute: number) => new Date(`2026-11-19T11:0${minute}:00Z`)
  return {
    count: 3,
    threads: [
      {
        id: 1,
        articleId: 42,
        parentId: null,
        authorName: 'Ada <b>',
        body: 'Line one\nLine two',
        status: 'published',
        createdAt: at(0),
        badge: null,
        replies: [
          {
            id: 2,
            articleId: 42,
            parentId: 1,
            authorName: 'Ben',
            body: 'A reply.',
            status: 'published',
            createdAt: at(5),
            badge: 'author',
          },
        ],
      },
      {
        id: 3,
        articleId: 42,
        parentId: null,
        authorName: 'Cy',
        body: '<script>alert(1)</script><img src=x onerror=alert(2)> see https://spam.example',
        status: 'published',
        createdAt: at(7),
        badge: null,
        replies: [],
      },
    ],
    order: 'newest',
    page: 1,
    totalPages: 1,
    mode: 'open',
    canonicalPath: '/asia/port-expansion-approved',
    stamp: '1790000000000.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
    maxLength: 300,
    nameMaxLength: 50,
    language: 'en',
    ...overrides,
  }
}
