/** The settings screen (admins only): the site's name and language, comments, authors' rights. */

import { COMMENT_MODES, SITE_NAME_MAX_LENGTH, type SiteSettings } from '../../../settings/index.js'
import type { SafeHtml } from '../../render/html.js'
import { CsrfField } from '../components/csrf-field.js'
import { FormError, Notice } from '../components/form-messages.js'

const MODE_LABELS: Readonly<Record<string, string>> = {
  open: 'Open: comments appear at once (held only by the usual checks)',
  premoderated: 'Premoderated: every comment waits for a moderator',
  closed: 'Closed: readers cannot comment',
}

export interface SettingsPageProps {
  /** What the form shows: the settings in force, or what was typed after a refusal. */
  values: {
    siteName: string
    language: string
    commentsMode: string
    authorsMayPublish: boolean
  }
  defaults: SiteSettings
  csrfToken: string
  notice?: string | undefined
  error?: string | undefined
  /** The field the error is about, for aria-invalid. */
  errorField?: string | undefined
}

/** The content of /newsroom/settings. */
export function SettingsPage(props: SettingsPageProps): SafeHtml {
  const { values, defaults } = props
  const invalid = (field: string) => (props.errorField === field ? 'true' : undefined)
  return (
    <div class="nr-narrow">
      <h1>Settings</h1>
      <Notice message={props.notice} />
      <p>
        <a href="/newsroom/settings/sections">Sections: add, rename and order them</a>
      </p>
      <form
        method="post"
        action="/newsroom/settings"
        class="nr-form"
        aria-labelledby="site-heading"
      >
        <FormError title="The settings were not saved" message={props.error} />
        <CsrfField token={props.csrfToken} />
        <h2 id="site-heading">The site</h2>
        <div class="field">
          <label for="site-name">Site name</label>
          <p class="field-hint" id="site-name-hint">
            In every page title and at the top of every page. Configured default:{' '}
            {defaults.siteName}.
          </p>
          <input
            id="site-name"
            name="siteName"
            type="text"
            required
            maxlength={String(SITE_NAME_MAX_LENGTH)}
            value={values.siteName}
            aria-describedby="site-name-hint"
            aria-invalid={invalid('siteName')}
          />
        </div>
        <div class="field">
          <label for="site-language">Language</label>
          <p class="field-hint" id="site-language-hint">
            A language tag such as en, en-GB or fr, for browsers, screen readers and dates.
            Configured default: {defaults.language}.
          </p>
          <input
            id="site-language"
            name="language"
            type="text"
            required
            maxlength="35"
            autocomplete="off"
            spellcheck="false"
            value={values.language}
            aria-describedby="site-language-hint"
            aria-invalid={invalid('language')}
          />
        </div>
        <fieldset class="nr-fieldset">
          <legend>Comments on stories that have no mode of their own</legend>
          {COMMENT_MODES.map((mode) => (
            <div class="nr-choice">
              <input
                type="radio"
                id={`comments-mode-${mode}`}
                name="commentsMode"
                value={mode}
                checked={values.commentsMode === mode}
              />{' '}
              <label for={`comments-mode-${mode}`}>{MODE_LABELS[mode] ?? mode}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class="nr-fieldset">
          <legend>Authors</legend>
          <div class="nr-choice">
            <input
              type="checkbox"
              id="authors-may-publish"
              name="authorsMayPublish"
              value="yes"
              checked={values.authorsMayPublish}
            />{' '}
            <label for="authors-may-publish">
              Authors may publish their own stories without an editor’s review
            </label>
          </div>
        </fieldset>
        <button type="submit" class="button">
          Save settings
        </button>
      </form>
    </div>
  )
}
