/** Sections and authors on every database: reserved and taken slugs, order, lookups. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, unique } from './newsroom-fixtures.js'

forEachDatabase('newsroom sections and authors', (t) => {
  test('reserved and malformed section slugs are refused', async () => {
    const { newsroom } = await newsroomFixture(t.handle.db)
    await assert.rejects(newsroom.createSection({ name: 'Search' }), {
      code: 'SECTION_SLUG_RESERVED',
    })
    await assert.rejects(newsroom.createSection({ name: 'Authors', slug: 'author' }), {
      code: 'SECTION_SLUG_RESERVED',
    })
    await assert.rejects(newsroom.createSection({ name: 'X', slug: 'sitemap.xml' }), {
      code: 'SECTION_SLUG_RESERVED',
    })
    await assert.rejects(newsroom.createSection({ name: 'X', slug: 'Bad Slug' }), {
      code: 'SECTION_SLUG_INVALID',
    })
  })

  test('a taken section slug is a conflict', async () => {
    const { newsroom, section } = await newsroomFixture(t.handle.db)
    await assert.rejects(newsroom.createSection({ name: 'Again', slug: section.slug }), {
      code: 'SECTION_SLUG_TAKEN',
    })
  })

  test('listSections follows position and sees a new section at once', async () => {
    const { newsroom } = await newsroomFixture(t.handle.db)
    const before = await newsroom.listSections()
    const first = await newsroom.createSection({ name: unique('Asia'), position: -100 })
    const after = await newsroom.listSections()
    assert.equal(after.length, before.length + 1)
    assert.equal(after[0]?.id, first.id)
    assert.deepEqual(await newsroom.getSection(first.slug), first)
    assert.equal(await newsroom.getSection('no-such-section'), undefined)
  })

  test('author slugs are unique and authors are found by slug', async () => {
    const { newsroom } = await newsroomFixture(t.handle.db)
    const name = unique('Lena Park')
    const a = await newsroom.createAuthor({ name, jobTitle: 'Reporter' })
    const b = await newsroom.createAuthor({ name })
    assert.equal(b.slug, `${a.slug}-2`)
    assert.equal((await newsroom.getAuthor(a.slug))?.jobTitle, 'Reporter')
    await assert.rejects(newsroom.createAuthor({ name: 'X', email: 'not-an-email' }), {
      code: 'AUTHOR_EMAIL_INVALID',
    })
    await assert.rejects(newsroom.createAuthor({ name: 'X', slug: a.slug }), {
      code: 'AUTHOR_SLUG_TAKEN',
    })
  })
})
