/** Escaping of text for HTML element content and attribute values. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

const NEEDS_ESCAPE = /[&<>"']/

/** Escapes the five HTML-significant characters; fast path when there is nothing to escape. */
export function escapeHtml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)
}
