/** The "New password" and "Repeat the new password" fields, shared by the account and reset forms. */

import type { SafeHtml } from '../../render/html.js'

/**
 * The two new-password fields; `consequence` follows the length rule in the hint ("Your other
 * sessions end when it changes.").
 * @example <NewPasswordFields consequence="Every session of yours ends when it changes." />
 */
export function NewPasswordFields(props: { consequence: string }): SafeHtml {
  return (
    <>
      <div class="field">
        <label for="next">New password</label>
        <input
          id="next"
          name="next"
          type="password"
          autocomplete="new-password"
          minlength="12"
          required
          aria-describedby="next-hint"
        />
        <p class="field-hint" id="next-hint">
          At least 12 characters. {props.consequence}
        </p>
      </div>
      <div class="field">
        <label for="confirm">Repeat the new password</label>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" required />
      </div>
    </>
  )
}
