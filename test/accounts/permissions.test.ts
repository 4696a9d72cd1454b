/** The role matrix, written out in full: every role against every permission. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type Actor, can, PERMISSIONS, requirePermission } from '../../src/accounts/index.js'
import type { Permission, UserRole } from '../../src/accounts/index.js'
import { MastheadError } from '../../src/lib/errors.js'

const ME = 7
const actor = (role: UserRole): Actor => ({ userId: ME, role, name: role })
const own = (status: string) => ({ ownerUserIds: [ME, 9], status })
const others = (status: string) => ({ ownerUserIds: [9], status })

// Y: allowed without a story (the screen). The story columns follow below.
const SCREENS: Record<Permission, string> = {
  //                      admin editor author contributor moderator
  'newsroom.enter': /*  */ 'YYYYY',
  'stories.list': /*    */ 'YYYY-',
  'story.create': /*    */ 'YYYY-',
  'story.edit': /*      */ 'YYYY-',
  'story.submit': /*    */ 'YYY--',
  'story.publish': /*   */ 'YY---',
  'story.unpublish': /* */ 'YY---',
  'story.correct': /*   */ 'YY---',
  'story.delete': /*    */ 'YY---',
  'photos.manage': /*   */ 'YYYY-',
  'front.curate': /*    */ 'YY---',
  'comments.moderate': /**/ 'YY--Y',
  'comments.reply': /*  */ 'YYY-Y',
  'analytics.view': /*  */ 'YYYY-',
  'users.manage': /*    */ 'Y----',
  'settings.manage': /* */ 'Y----',
}
const ROLES: UserRole[] = ['admin', 'editor', 'author', 'contributor', 'moderator']

describe('permissions', () => {
  test('every role against every permission, without a story', () => {
    assert.deepEqual(Object.keys(SCREENS).sort(), [...PERMISSIONS].sort())
    for (const permission of PERMISSIONS) {
      const got = ROLES.map((role) => (can(actor(role), permission) ? 'Y' : '-')).join('')
      assert.equal(got, SCREENS[permission], permission)
    }
  })

  test('story permissions: own drafts, own submitted stories and other people’s', () => {
    // [permission, story] → admin editor author contributor moderator
    const cases: [Permission, ReturnType<typeof own>, string][] = [
      ['story.edit', own('draft'), 'YYYY-'],
      ['story.edit', own('in_review'), 'YYY--'],
      ['story.edit', own('published'), 'YYY--'],
      ['story.edit', others('draft'), 'YY---'],
      ['story.submit', own('draft'), 'YYY--'],
      ['story.submit', others('draft'), 'YY---'],
      ['story.publish', own('in_review'), 'YY---'],
      ['story.publish', others('in_review'), 'YY---'],
      ['story.unpublish', own('published'), 'YY---'],
      ['story.correct', own('published'), 'YY---'],
    ]
    for (const [permission, story, expected] of cases) {
      const got = ROLES.map((role) => (can(actor(role), permission, story) ? 'Y' : '-')).join('')
      assert.equal(got, expected, `${permission} on ${JSON.stringify(story)}`)
    }
  })

  test('authors publish their own stories only when the site allows it', () => {
    const settings = { authorsMayPublish: true }
    assert.equal(can(actor('author'), 'story.publish', own('draft'), settings), true)
    assert.equal(can(actor('author'), 'story.publish', others('draft'), settings), false)
    assert.equal(can(actor('contributor'), 'story.publish', own('draft'), settings), false)
    assert.equal(can(actor('author'), 'story.publish', undefined, settings), true)
  })

  test('requirePermission throws ACCESS_FORBIDDEN naming the permission', () => {
    assert.throws(
      () => requirePermission(actor('moderator'), 'story.create'),
      (error: unknown) =>
        error instanceof MastheadError &&
        error.code === 'ACCESS_FORBIDDEN' &&
        error.kind === 'forbidden' &&
        error.details?.permission === 'story.create',
    )
    assert.doesNotThrow(() => requirePermission(actor('moderator'), 'comments.moderate'))
  })
})
