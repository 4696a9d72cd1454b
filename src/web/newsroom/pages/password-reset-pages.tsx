/** The signed-out password pages: ask for a reset link, and choose a new password by link. */

import type { SafeHtml } from '../../render/html.js'
import { FormError, Notice } from '../components/form-messages.js'
import { NewPasswordFields } from '../components/new-password-fields.js'

/** The content of /newsroom/forgot-password (the form, or the same answer for any address). */
export function ForgotPasswordPage(props: { sent: boolean }): SafeHtml {
  return (
    <div class="nr-narrow">
      <h1>Reset your password</h1>
      {props.sent ? (
        <Notice message="If an active account uses that address, a reset link is on its way. It works for one hour." />
      ) : (
        <form method="post" action="/newsroom/forgot-password" class="nr-form">
          <div class="field">
            <label for="email">E-mail</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
          </div>
          <button type="submit" class="button">
            Send reset link
          </button>
        </form>
      )}
      <p>
        <a href="/newsroom/sign-in">Back to sign-in</a>
      </p>
    </div>
  )
}

/** The content of /newsroom/reset-password/:token: the new-password form, or why the link is dead. */
export function ResetPasswordPage(props: {
  token: string
  valid: boolean
  error?: string | undefined
}): SafeHtml {
  if (!props.valid) {
    return (
      <div class="nr-narrow">
        <h1>This link does not work any more</h1>
        <p>
          A reset link works once, for a limited time. Ask for a new one, or ask an administrator.
        </p>
        <p>
          <a href="/newsroom/forgot-password">Ask for a new link</a>
        </p>
      </div>
    )
  }
  return (
    <div class="nr-narrow">
      <h1>Choose a new password</h1>
      <form method="post" action={`/newsroom/reset-password/${props.token}`} class="nr-form">
        <FormError title="Your password was not changed" message={props.error} />
        <NewPasswordFields consequence="Every session of yours ends when it changes." />
        <button type="submit" class="button">
          Set new password
        </button>
      </form>
    </div>
  )
}
