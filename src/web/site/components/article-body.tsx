/** The story body: the one component that places sanitized article HTML into the page. */

import { raw, type SafeHtml } from '../../render/html.js'

/** Renders `html`, which newsroom sanitized on save (sanitize-html allowlist), inside the body column. */
export function ArticleBody({ html }: { html: string }): SafeHtml {
  // Trusted: bodyHtml is rendered from Markdown with raw HTML disabled and sanitized on save.
  return <div class="story-body">{raw(html)}</div>
}
