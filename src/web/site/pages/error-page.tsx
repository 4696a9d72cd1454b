/** The page for bad requests and failures: a plain explanation, the status, and a way back. */

import type { SafeHtml } from '../../render/html.js'
import { Layout } from '../../render/layout.js'
import type { SiteFrame } from '../page-context.js'

export interface ErrorPageProps {
  frame: SiteFrame
  status: number
  title: string
  message: string
  /** Shown for server errors, so a reader can quote it to the newsroom. */
  requestId?: string | undefined
}

/** Renders an error page document. */
export function ErrorPage(props: ErrorPageProps): SafeHtml {
  return (
    <Layout
      frame={props.frame}
      meta={{ title: props.title, description: props.message, noindex: true }}
    >
      <div class="message-page">
        <h1>{props.title}</h1>
        <p>{props.message}</p>
        {props.requestId === undefined ? null : (
          <p class="request-id">
            If this keeps happening, tell us this reference: <code>{props.requestId}</code>
          </p>
        )}
        <p class="status-code">Error {props.status}</p>
        <p>
          <a href="/">Go to the front page</a>
        </p>
      </div>
    </Layout>
  )
}
