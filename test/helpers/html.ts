/** Parses and validates HTML for web tests: find things by landmark, role and text, never by regex. */

import { HtmlValidate } from 'html-validate'
import { parseHTML } from 'linkedom'

/** The parsed document of `html`. */
export function parsePage(html: string): Document {
  return parseHTML(html).document
}

/** The element's text with whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** Every element matching `selector` under `root`. */
export function all(root: ParentNode, selector: string): Element[] {
  return [...root.querySelectorAll(selector)]
}

/** The element matching `selector`; fails the test when there is none. */
export function one(root: ParentNode, selector: string): Element {
  const found = root.querySelector(selector)
  if (found === null) throw new Error(`nothing matches ${selector}`)
  return found
}

/** The heading (h1–h6) whose text is `text`, or undefined. */
export function headingNamed(root: ParentNode, text: string): Element | undefined {
  return all(root, 'h1, h2, h3, h4, h5, h6').find((h) => textOf(h) === text)
}

/** The region labelled by the heading `text` (its aria-labelledby section, or the parent). */
export function regionNamed(doc: Document, text: string): Element {
  const heading = headingNamed(doc, text)
  if (heading === undefined) {
    const found = all(doc, 'h1, h2, h3').map(textOf)
    throw new Error(`no heading "${text}"; headings: ${found.join(' | ')}`)
  }
  const labelled = heading.id === '' ? null : doc.querySelector(`[aria-labelledby="${heading.id}"]`)
  return labelled ?? (heading.parentElement as Element)
}

/** The landmark with `role` (or its implicit element) and accessible label `label`. */
export function landmark(doc: Document, selector: string, label?: string): Element[] {
  return all(doc, selector).filter(
    (element) => label === undefined || element.getAttribute('aria-label') === label,
  )
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Stylistic: our titles are headlines plus the site name; length is an SEO taste, not validity.
    'long-title': 'off',
    // Stylistic: JSX renders the text it is given; typographic quotes and ellipses are content.
    'no-raw-characters': 'off',
    // Stylistic: the HTML standard makes the doctype case-insensitive; ours is lower-case.
    'doctype-style': 'off',
    // Stylistic: `<img>` and `<img/>` are both valid; sanitize-html writes the article body's
    // void elements self-closed, the layout writes them bare.
    'void-style': 'off',
  },
})

/** html-validate's messages for `html` (an empty list means valid), one line each. */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html)
  return report.results.flatMap((result) =>
    result.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`),
  )
}
