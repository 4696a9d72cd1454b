/** The hidden field that carries a session's CSRF token in every newsroom form that changes something. */

import type { SafeHtml } from '../../render/html.js'

/** The form field name the newsroom's CSRF check reads (and removes before the route's schema). */
export const CSRF_FIELD = '_csrf'

/**
 * `<input type="hidden" name="_csrf" value="…">` for a form.
 * @example <form method="post" action="/newsroom/stories"><CsrfField token={request.newsroomSession.csrfToken} />…</form>
 */
export function CsrfField(props: { token: string }): SafeHtml {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />
}
