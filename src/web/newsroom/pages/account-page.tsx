/** The user's own account: change the password, sign out everywhere. */

import type { Actor } from '../../../accounts/index.js'
import type { SafeHtml } from '../../render/html.js'
import { CsrfField } from '../components/csrf-field.js'
import { FormError, Notice } from '../components/form-messages.js'
import { NewPasswordFields } from '../components/new-password-fields.js'

export interface AccountPageProps {
  actor: Actor
  email: string
  csrfToken: string
  /** When this session ends at the latest. */
  expiresAt: Date
  error?: string | undefined
  notice?: string | undefined
}

/** The content of /newsroom/account. */
export function AccountPage(props: AccountPageProps): SafeHtml {
  return (
    <div class="nr-narrow">
      <h1>Your account</h1>
      <Notice message={props.notice} />
      <p>
        Signed in as {props.actor.name} ({props.email}). This session ends at the latest on{' '}
        <time datetime={props.expiresAt.toISOString()}>{props.expiresAt.toUTCString()}</time>.
      </p>
      <h2 id="password-heading">Change your password</h2>
      <form
        method="post"
        action="/newsroom/account/password"
        class="nr-form"
        aria-labelledby="password-heading"
      >
        <FormError title="Your password was not changed" message={props.error} />
        <CsrfField token={props.csrfToken} />
        <div class="field">
          <label for="current">Current password</label>
          <input
            id="current"
            name="current"
            type="password"
            autocomplete="current-password"
            required
          />
        </div>
        <NewPasswordFields consequence="Your other sessions end when it changes." />
        <button type="submit" class="button">
          Change password
        </button>
      </form>
      <h2 id="everywhere-heading">Sign out everywhere</h2>
      <p>Ends every session of yours, on every device, this one included.</p>
      <form
        method="post"
        action="/newsroom/account/sign-out-everywhere"
        aria-labelledby="everywhere-heading"
      >
        <CsrfField token={props.csrfToken} />
        <button type="submit" class="button">
          Sign out everywhere
        </button>
      </form>
    </div>
  )
}
