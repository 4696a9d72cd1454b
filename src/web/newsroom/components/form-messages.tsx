/** A form's error summary and a page's notice, announced to screen readers. */

import type { SafeHtml } from '../../render/html.js'

/** The reason a form was refused, as an alert at the top of the form. */
export function FormError(props: { title: string; message: string | undefined }): SafeHtml | null {
  if (props.message === undefined) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="form-error-title">
      <h2 id="form-error-title">{props.title}</h2>
      <p>{props.message}</p>
    </div>
  )
}

/** A confirmation (signed out, password changed) as a polite status message. */
export function Notice(props: { message: string | undefined }): SafeHtml | null {
  if (props.message === undefined) return null
  return (
    <div class="nr-notice" role="status">
      <p>{props.message}</p>
    </div>
  )
}
