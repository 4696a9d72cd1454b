/** The newsroom's screens as its navigation lists them, each shown only to roles that may use it. */

import { type Actor, can, type Permission } from '../../accounts/index.js'

/** A screen's key, for `current` (aria-current) in the layout. */
export type NewsroomScreen =
  'home' | 'stories' | 'photos' | 'comments' | 'front' | 'users' | 'settings' | 'account'

export interface NavEntry {
  screen: NewsroomScreen
  label: string
  href: string
  permission: Permission
}

/** Every screen the navigation may show, in order. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { screen: 'stories', label: 'Stories', href: '/newsroom/stories', permission: 'stories.list' },
  { screen: 'photos', label: 'Photos', href: '/newsroom/photos', permission: 'photos.manage' },
  {
    screen: 'comments',
    label: 'Comments',
    href: '/newsroom/comments',
    permission: 'comments.moderate',
  },
  { screen: 'front', label: 'Front', href: '/newsroom/front', permission: 'front.curate' },
  { screen: 'users', label: 'Users', href: '/newsroom/users', permission: 'users.manage' },
  {
    screen: 'settings',
    label: 'Settings',
    href: '/newsroom/settings',
    permission: 'settings.manage',
  },
]

/**
 * The entries `actor` may use, among the screens that exist (`exists` asks the router, so the
 * navigation never links a screen that is not built yet).
 */
export function navFor(actor: Actor, exists: (href: string) => boolean): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => can(actor, entry.permission) && exists(entry.href))
}

/** What a role does in the newsroom, in one sentence for the welcome page. */
export const ROLE_SUMMARIES: Readonly<Record<Actor['role'], string>> = {
  admin:
    'As an admin you can do everything: stories, photos, comments, the front page, users and settings.',
  editor:
    'As an editor you can edit and publish any story, curate the front page and moderate comments.',
  author:
    'As an author you write your own stories and submit them for review (and publish them, if this site allows it).',
  contributor: 'As a contributor you write drafts; an editor reviews and publishes them.',
  moderator: 'As a moderator you look after reader comments.',
}
