/** The sign-in form: "E-mail", "Password", "Sign in", with the refusal or a notice above it. */

import type { SafeHtml } from '../../render/html.js'
import { FormError, Notice } from '../components/form-messages.js'

export interface SignInPageProps {
  /** Where to go after signing in (already made safe). */
  next: string
  email: string
  error?: string | undefined
  notice?: string | undefined
}

/** The content of the sign-in page. */
export function SignInPage(props: SignInPageProps): SafeHtml {
  return (
    <div class="nr-narrow">
      <h1>Sign in to the newsroom</h1>
      <Notice message={props.notice} />
      <form method="post" action="/newsroom/sign-in" class="nr-form">
        <FormError title="You are not signed in" message={props.error} />
        <input type="hidden" name="next" value={props.next} />
        <div class="field">
          <label for="email">E-mail</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email}
          />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </div>
        <button type="submit" class="button">
          Sign in
        </button>
      </form>
      <p>
        <a href="/newsroom/forgot-password">Forgot your password?</a>
      </p>
    </div>
  )
}
