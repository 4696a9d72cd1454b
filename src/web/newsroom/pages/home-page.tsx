/** The newsroom's home: a plain welcome with the screens this role can open. */

import type { Actor } from '../../../accounts/index.js'
import type { SafeHtml } from '../../render/html.js'
import { Notice } from '../components/form-messages.js'
import { type NavEntry, ROLE_SUMMARIES } from '../nav.js'

export interface HomePageProps {
  actor: Actor
  nav: readonly NavEntry[]
  notice?: string | undefined
}

/** The content of /newsroom. */
export function HomePage(props: HomePageProps): SafeHtml {
  return (
    <div>
      <h1>Welcome, {props.actor.name}</h1>
      <Notice message={props.notice} />
      <p>{ROLE_SUMMARIES[props.actor.role]}</p>
      {props.nav.length === 0 ? (
        <p>
          The screens for your work are not built yet; this newsroom is still growing. Your account
          page lets you change your password.
        </p>
      ) : (
        <>
          <h2>Where to go</h2>
          <ul class="nr-links">
            {props.nav.map((entry) => (
              <li>
                <a href={entry.href}>{entry.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/newsroom/account">Your account</a>: change your password, or sign out on every
        device.
      </p>
    </div>
  )
}
