/** Renders schema.org data as a JSON-LD script block that no string inside it can break out of. */

import { raw, type SafeHtml } from './html.js'

/** Serializes `data` for a <script> element: every `<` becomes \u003c, so `</script>` cannot occur. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** A `<script type="application/ld+json">` block; browsers never execute it, so CSP allows it. */
export function JsonLd({ data }: { data: unknown }): SafeHtml {
  // The one place structured data enters the page unescaped: jsonForScript made it inert above.
  return <script type="application/ld+json">{raw(jsonForScript(data))}</script>
}
