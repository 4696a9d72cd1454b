/**
 * Who may do what in the newsroom: one matrix, checked by the services (never only by screens).
 *
 * admin: everything. editor: edit and publish any story, curate, moderate. author: write own
 * stories and submit them for review; publish own only when the site allows it. contributor: own
 * drafts only. moderator: comments only.
 */

import { forbidden } from './errors.js'
import type { UserRole } from './types.js'

/** The signed-in user a service acts for. */
export interface Actor {
  readonly userId: number
  readonly role: UserRole
  readonly name: string
}

/** Things a user may do; story-level ones also take the story's owners into account. */
export type Permission =
  | 'newsroom.enter'
  | 'stories.list'
  | 'story.create'
  | 'story.edit'
  | 'story.submit'
  | 'story.publish'
  | 'story.unpublish'
  | 'story.correct'
  | 'story.delete'
  | 'photos.manage'
  | 'front.curate'
  | 'comments.moderate'
  | 'comments.reply'
  | 'analytics.view'
  | 'users.manage'
  | 'settings.manage'

/** The story a story-level permission is asked about. */
export interface StoryAccess {
  /** Users who own it: whoever created it and the users behind its bylines. */
  readonly ownerUserIds: readonly number[]
  /** Contributors may touch only their drafts. */
  readonly status: string
}

/** Site settings that change the matrix. */
export interface PermissionSettings {
  /** Authors may publish (and schedule) their own stories without review. */
  readonly authorsMayPublish: boolean
}

const WRITERS: readonly UserRole[] = ['admin', 'editor', 'author', 'contributor']
const DESK: readonly UserRole[] = ['admin', 'editor']

const ROLE_PERMISSIONS: Record<Permission, readonly UserRole[]> = {
  'newsroom.enter': ['admin', 'editor', 'author', 'contributor', 'moderator'],
  'stories.list': WRITERS,
  'story.create': WRITERS,
  'story.edit': WRITERS,
  'story.submit': ['admin', 'editor', 'author'],
  'story.publish': ['admin', 'editor', 'author'],
  'story.unpublish': DESK,
  'story.correct': DESK,
  'story.delete': DESK,
  'photos.manage': WRITERS,
  'front.curate': DESK,
  'comments.moderate': ['admin', 'editor', 'moderator'],
  // Staff replies carry a badge readers trust: contributors (outside writers) do not get one.
  'comments.reply': ['admin', 'editor', 'author', 'moderator'],
  'analytics.view': ['admin', 'editor', 'author', 'contributor'],
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
}

/** Story permissions an owner (not the desk) holds only over their own stories. */
const OWN_ONLY = new Set<Permission>(['story.edit', 'story.submit', 'story.publish'])

/**
 * True when `actor` may do `permission` (to `story`, for story-level permissions).
 * @example can(actor, 'story.publish', { ownerUserIds: [7], status: 'draft' }, settings)
 */
export function can(
  actor: Actor,
  permission: Permission,
  story?: StoryAccess,
  settings: PermissionSettings = { authorsMayPublish: false },
): boolean {
  if (!ROLE_PERMISSIONS[permission].includes(actor.role)) return false
  if (DESK.includes(actor.role)) return true
  if (!OWN_ONLY.has(permission) || story === undefined) {
    // Without a story, a writer may open the screen; each story is checked when touched.
    return permission !== 'story.publish' || actor.role !== 'author' || settings.authorsMayPublish
  }
  if (!story.ownerUserIds.includes(actor.userId)) return false
  if (actor.role === 'contributor') return story.status === 'draft'
  if (permission === 'story.publish') return settings.authorsMayPublish
  return true
}

/** Throws ACCESS_FORBIDDEN (kind forbidden) unless `can(...)` allows it. */
export function requirePermission(
  actor: Actor,
  permission: Permission,
  story?: StoryAccess,
  settings?: PermissionSettings,
): void {
  if (!can(actor, permission, story, settings)) throw forbidden(permission)
}

/** Every permission, for the matrix tests and the users screen. */
export const PERMISSIONS = Object.keys(ROLE_PERMISSIONS) as Permission[]
