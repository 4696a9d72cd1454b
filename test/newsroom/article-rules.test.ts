/** The pure workflow rules of stories: visibility, transitions, publication times, headlines, tags. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  assertTransition,
  canTransition,
  initialPublishedAt,
  isVisibleToReaders,
  normalizeHeadline,
  normalizeTagNames,
  parseArticleStatus,
} from '../../src/newsroom/article-rules.js'

const NOW = new Date('2026-11-20T12:00:00.000Z')
const code = (fn: () => unknown): string | undefined => {
  try {
    fn()
    return undefined
  } catch (error) {
    return (error as { code?: string }).code
  }
}

describe('article rules', () => {
  test('a story is visible only when published and its time has come', () => {
    const past = new Date(NOW.getTime() - 1)
    const future = new Date(NOW.getTime() + 60_000)
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: past }, NOW), true)
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: NOW }, NOW), true)
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: future }, NOW), false)
    assert.equal(isVisibleToReaders({ status: 'draft', publishedAt: past }, NOW), false)
    assert.equal(isVisibleToReaders({ status: 'scheduled', publishedAt: past }, NOW), false)
  })

  test('visibility starts at the publication instant, to the millisecond', () => {
    const justAfter = new Date(NOW.getTime() + 1)
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: justAfter }, NOW), false)
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: NOW }, NOW), true)
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: null }, NOW), false)
    for (const status of ['draft', 'in_review', 'scheduled'] as const) {
      assert.equal(isVisibleToReaders({ status, publishedAt: NOW }, justAfter), false, status)
    }
  })

  test('the workflow allows publishing a draft but not publishing twice', () => {
    assert.equal(canTransition('draft', 'published'), true)
    assert.equal(canTransition('in_review', 'scheduled'), true)
    assert.equal(canTransition('published', 'draft'), true)
    assert.equal(
      code(() => assertTransition('published', 'published')),
      'ARTICLE_TRANSITION_INVALID',
    )
    assert.equal(
      code(() => assertTransition('published', 'in_review')),
      'ARTICLE_TRANSITION_INVALID',
    )
  })

  test('a published story defaults to now; a scheduled one needs a time', () => {
    assert.deepEqual(initialPublishedAt('published', undefined, NOW), NOW)
    assert.equal(initialPublishedAt('draft', undefined, NOW), null)
    assert.equal(
      code(() => initialPublishedAt('scheduled', null, NOW)),
      'ARTICLE_SCHEDULE_TIME_REQUIRED',
    )
  })

  test('statuses outside the workflow are refused', () => {
    assert.equal(parseArticleStatus('in_review'), 'in_review')
    assert.equal(
      code(() => parseArticleStatus('live')),
      'ARTICLE_STATUS_INVALID',
    )
  })

  test('headlines are trimmed, required and bounded', () => {
    assert.equal(normalizeHeadline('  Ports   reopen  '), 'Ports reopen')
    assert.equal(
      code(() => normalizeHeadline('   ')),
      'ARTICLE_HEADLINE_REQUIRED',
    )
    assert.equal(
      code(() => normalizeHeadline('x'.repeat(201))),
      'ARTICLE_HEADLINE_TOO_LONG',
    )
  })

  test('tag names become unique slugs; a name without letters is refused', () => {
    assert.deepEqual(normalizeTagNames(['Climate', ' climate ', 'Đà Nẵng', '']), [
      { slug: 'climate', name: 'Climate' },
      { slug: 'da-nang', name: 'Đà Nẵng' },
    ])
    assert.equal(
      code(() => normalizeTagNames(['!!!'])),
      'TAG_NAME_INVALID',
    )
  })
})
