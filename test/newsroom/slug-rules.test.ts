/** The pure slug rules: numbered candidates, fallbacks and reserved section slugs. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isSlug } from '../../src/lib/slug.js'
import {
  baseSlug,
  firstFreeSlug,
  RESERVED_SECTION_SLUGS,
  sectionSlug,
  slugCandidates,
} from '../../src/newsroom/slug-rules.js'

const code = (fn: () => unknown): string | undefined => {
  try {
    fn()
    return undefined
  } catch (error) {
    return (error as { code?: string }).code
  }
}

describe('slug rules', () => {
  test('numbered candidates follow the base and always fit 80 characters', () => {
    const long = 'a'.repeat(40) + '-' + 'b'.repeat(39)
    const candidates = slugCandidates(long)
    assert.equal(candidates[0], long)
    assert.ok(candidates[1]?.endsWith('-2'))
    for (const candidate of candidates) assert.ok(isSlug(candidate), candidate)
    assert.deepEqual(slugCandidates('storm').slice(0, 3), ['storm', 'storm-2', 'storm-3'])
  })

  test('the first free candidate wins; a random suffix when all are taken', () => {
    const candidates = slugCandidates('storm')
    assert.equal(firstFreeSlug(candidates, new Set(['storm', 'storm-2']), 'x'), 'storm-3')
    assert.equal(firstFreeSlug(candidates, new Set(candidates), 'k3f9'), 'storm-k3f9')
  })

  test('a headline without Latin letters falls back to a generic slug', () => {
    assert.equal(baseSlug('東京の雨', 'story'), 'story')
    assert.equal(baseSlug('Rain in Đà Nẵng', 'story'), 'rain-in-da-nang')
  })

  test('section slugs may not shadow other routes', () => {
    for (const reserved of ['author', 'tag', 'api', 'admin', 'search', 'feed', 'media']) {
      assert.ok(RESERVED_SECTION_SLUGS.has(reserved), reserved)
      assert.equal(
        code(() => sectionSlug(reserved, 'x')),
        'SECTION_SLUG_RESERVED',
      )
    }
    assert.equal(
      code(() => sectionSlug(undefined, 'Search')),
      'SECTION_SLUG_RESERVED',
    )
    assert.equal(
      code(() => sectionSlug('Not A Slug', 'x')),
      'SECTION_SLUG_INVALID',
    )
    assert.equal(sectionSlug(undefined, 'Asia'), 'asia')
  })
})
