/** The sections screen (admins only): add, rename and order the site's sections. */

import type { Section } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'
import { CsrfField } from '../components/csrf-field.js'
import { FormError, Notice } from '../components/form-messages.js'

export interface SectionsPageProps {
  sections: readonly Section[]
  csrfToken: string
  notice?: string | undefined
  error?: string | undefined
  /** The name typed into the add form, kept after a refusal. */
  draft?: string | undefined
}

function MoveButton(props: {
  section: Section
  direction: 'up' | 'down'
  csrfToken: string
}): SafeHtml {
  const { section, direction } = props
  return (
    <form method="post" action={`/newsroom/settings/sections/${section.id}/move`} class="nr-inline">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="button button-secondary">
        Move {direction}
        <span class="visually-hidden"> {section.name}</span>
      </button>
    </form>
  )
}

/** The content of /newsroom/settings/sections. */
export function SectionsPage(props: SectionsPageProps): SafeHtml {
  const last = props.sections.length - 1
  return (
    <div>
      <h1>Sections</h1>
      <p>
        <a href="/newsroom/settings">Back to the settings</a>
      </p>
      <Notice message={props.notice} />
      <FormError title="Nothing was changed" message={props.error} />
      <p>
        Sections appear in this order in the site’s navigation. Renaming a section changes its name
        only: its address, and every story address under it, stays the same.
      </p>
      <table class="nr-table">
        <caption class="visually-hidden">Sections in navigation order</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {props.sections.map((section, index) => (
            <tr>
              <td>
                <form
                  method="post"
                  action={`/newsroom/settings/sections/${section.id}`}
                  class="nr-inline"
                >
                  <CsrfField token={props.csrfToken} />
                  <label for={`section-${section.id}`} class="visually-hidden">
                    Name of the section at /{section.slug}
                  </label>
                  <input
                    id={`section-${section.id}`}
                    name="name"
                    type="text"
                    required
                    maxlength="80"
                    value={section.name}
                  />{' '}
                  <label for={`section-slug-${section.id}`} class="visually-hidden">
                    Address of the section {section.name}
                  </label>
                  <input
                    id={`section-slug-${section.id}`}
                    name="slug"
                    type="text"
                    maxlength="100"
                    pattern="[a-z0-9]+(-[a-z0-9]+)*"
                    spellcheck="false"
                    autocomplete="off"
                    value={section.slug}
                  />{' '}
                  <button type="submit" class="button button-secondary">
                    Save<span class="visually-hidden"> {section.name}</span>
                  </button>
                </form>
              </td>
              <td>
                <a href={`/${section.slug}`}>/{section.slug}</a>
              </td>
              <td>
                {index > 0 ? (
                  <MoveButton section={section} direction="up" csrfToken={props.csrfToken} />
                ) : null}
                {index < last ? (
                  <MoveButton section={section} direction="down" csrfToken={props.csrfToken} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="add-section-heading">Add a section</h2>
      <form
        method="post"
        action="/newsroom/settings/sections"
        class="nr-form nr-narrow"
        aria-labelledby="add-section-heading"
      >
        <CsrfField token={props.csrfToken} />
        <div class="field">
          <label for="new-section-name">Name</label>
          <p class="field-hint" id="new-section-name-hint">
            Its address is made from the name, and then kept.
          </p>
          <input
            id="new-section-name"
            name="name"
            type="text"
            required
            maxlength="80"
            value={props.draft ?? ''}
            aria-describedby="new-section-name-hint"
          />
        </div>
        <button type="submit" class="button">
          Add section
        </button>
      </form>
    </div>
  )
}
