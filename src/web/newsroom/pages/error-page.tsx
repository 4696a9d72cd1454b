/** The newsroom's error page (403, 404, 401 for forms, …), shown inside the newsroom layout. */

import type { SafeHtml } from '../../render/html.js'

/** The content of a newsroom error page (403, 404, …). */
export function NewsroomErrorPage(props: {
  title: string
  message: string
  code: string
  signedIn: boolean
}): SafeHtml {
  return (
    <div class="nr-narrow">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p class="status-code">
        Error code: <code>{props.code}</code>
      </p>
      <p>
        {props.signedIn ? (
          <a href="/newsroom">Back to the newsroom</a>
        ) : (
          <a href="/newsroom/sign-in">Sign in</a>
        )}
      </p>
    </div>
  )
}
