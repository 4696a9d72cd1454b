/** The newsroom's document: a header with the user's name and role, navigation by permission, and sign-out. */

import type { Actor } from '../../accounts/index.js'
import type { Child, SafeHtml } from '../render/html.js'
import type { SiteIdentity } from '../render/layout.js'
import { CsrfField } from './components/csrf-field.js'
import type { NavEntry, NewsroomScreen } from './nav.js'

/** The asset URLs the newsroom links. */
export interface NewsroomAssets {
  readonly stylesheet: string
  readonly newsroomStylesheet: string
  readonly favicon: string
}

/** The signed-in part of the shell. */
export interface NewsroomShell {
  actor: Actor
  csrfToken: string
  nav: readonly NavEntry[]
}

export interface NewsroomLayoutProps {
  site: SiteIdentity
  assets: NewsroomAssets
  /** The page's own title (the h1 is the page's to write). */
  title: string
  /** Undefined on the signed-out pages (sign-in, password reset). */
  shell?: NewsroomShell | undefined
  /** The screen the navigation marks as current. */
  current?: NewsroomScreen | undefined
  /** Extra scripts, loaded with defer. */
  scripts?: readonly string[]
  children?: Child
}

const ROLE_NAMES: Readonly<Record<Actor['role'], string>> = {
  admin: 'Admin',
  editor: 'Editor',
  author: 'Author',
  contributor: 'Contributor',
  moderator: 'Moderator',
}

/** The complete `<html>` element of a newsroom page. */
export function NewsroomLayout(props: NewsroomLayoutProps): SafeHtml {
  const { site, assets, shell } = props
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="color-scheme" content="light dark" />
        {shell === undefined ? null : <meta name="csrf-token" content={shell.csrfToken} />}
        <title>{`${props.title} — Newsroom — ${site.name}`}</title>
        <link rel="stylesheet" href={assets.stylesheet} />
        <link rel="stylesheet" href={assets.newsroomStylesheet} />
        <link rel="icon" href={assets.favicon} type="image/svg+xml" />
        {(props.scripts ?? []).map((src) => (
          <script defer src={src}></script>
        ))}
      </head>
      <body class="newsroom">
        <div class="skip-links">
          <a class="skip-link" href="#main">
            Skip to main content
          </a>
        </div>
        <header class="nr-header">
          <p class="nr-brand">
            <a href="/newsroom" aria-current={props.current === 'home' ? 'page' : undefined}>
              {site.name} <span class="nr-brand-room">Newsroom</span>
            </a>
          </p>
          {shell === undefined ? null : <UserBox shell={shell} current={props.current} />}
        </header>
        {shell === undefined || shell.nav.length === 0 ? null : (
          <nav class="nr-nav" aria-label="Newsroom">
            <ul>
              {shell.nav.map((entry) => (
                <li>
                  <a
                    href={entry.href}
                    aria-current={entry.screen === props.current ? 'page' : undefined}
                  >
                    {entry.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" class="nr-main" tabindex="-1">
          {props.children}
        </main>
        <footer class="nr-footer">
          <p>
            <a href="/">View the site</a>
          </p>
        </footer>
      </body>
    </html>
  )
}

function UserBox(props: { shell: NewsroomShell; current: NewsroomScreen | undefined }) {
  const { actor, csrfToken } = props.shell
  return (
    <div class="nr-user">
      <p class="nr-user-name">
        <a href="/newsroom/account" aria-current={props.current === 'account' ? 'page' : undefined}>
          {actor.name}
        </a>{' '}
        <span class="nr-role">{ROLE_NAMES[actor.role]}</span>
      </p>
      <form method="post" action="/newsroom/sign-out" class="nr-sign-out">
        <CsrfField token={csrfToken} />
        <button type="submit" class="link-button">
          Sign out
        </button>
      </form>
    </div>
  )
}
