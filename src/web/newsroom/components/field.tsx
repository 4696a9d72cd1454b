/** One labelled form field of the newsroom: the visible label, an optional hint, the control. */

import type { Child, SafeHtml } from '../../render/html.js'

/**
 * `<div class="field">` with the label for `id`, a hint `<p id="{id}-hint">` when given, then the
 * control (which names the hint in its aria-describedby itself).
 * @example <Field id="story-tags" label="Tags" hint="Separated by commas."><input id="story-tags" … /></Field>
 */
export function Field(props: {
  id: string
  label: string
  hint?: string
  children: Child
}): SafeHtml {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint === undefined ? null : (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
    </div>
  )
}
