/** Runs axe-core in a page under the page's own CSP and lists WCAG 2.2 AA violations. */

import axe from 'axe-core'
import type { Page } from 'playwright-core'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** Runs axe on the loaded page; returns one line per violating node. */
export async function axeViolations(page: Page): Promise<string[]> {
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not govern, so axe
  // loads without bypassCSP: the page is audited under the very policy readers get.
  await page.evaluate(axe.source)
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  )
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? '?'}): ${node.target.join(' ')} — ${node.failureSummary ?? violation.help}`,
    ),
  )
}
