/** The settings screen (admins only): the site's name, logo and language, comments, authors' rights. */

import { LOGO_LIMITS, type LogoRenditions, UPLOAD_TYPES } from '../../../media/index.js'
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
  /** The logo in force (its renditions), or null when the site shows its name. */
  logo: LogoRenditions | null
  /** Why the last logo upload was refused, when it was. */
  logoError?: string | undefined
  /** The largest logo file accepted, in bytes. */
  logoMaxBytes: number
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
      <LogoSection {...props} />
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

/**
 * The logo: its own forms (a file upload, and a removal), beside the settings form since forms
 * do not nest. The CSRF field comes before the file so the server checks it before reading it.
 */
function LogoSection(props: SettingsPageProps): SafeHtml {
  const { logo } = props
  const mb = Math.round((props.logoMaxBytes / (1024 * 1024)) * 10) / 10
  const types = Object.values(UPLOAD_TYPES)
  const invalid = props.logoError === undefined ? undefined : 'true'
  return (
    <section aria-labelledby="logo-heading" class="nr-logo">
      <h2 id="logo-heading">Logo</h2>
      {logo === null ? (
        <p>No logo: the site name is shown at the top of every page.</p>
      ) : (
        <figure class="nr-logo-current">
          <img
            src={logo.header.url}
            width={String(logo.display.width)}
            height={String(logo.display.height)}
            alt="The current logo"
          />
          <figcaption>
            The current logo, at the size readers see it. Its accessible name on the site is the
            site name.
          </figcaption>
        </figure>
      )}
      <form
        method="post"
        action="/newsroom/settings/logo"
        enctype="multipart/form-data"
        class="nr-form"
        aria-labelledby="logo-upload-heading"
      >
        <CsrfField token={props.csrfToken} />
        <h3 id="logo-upload-heading">{logo === null ? 'Upload a logo' : 'Replace the logo'}</h3>
        {props.logoError === undefined ? null : (
          <div class="error-summary" role="alert" id="logo-problem">
            <h4>The logo was not saved</h4>
            <p>{props.logoError}</p>
          </div>
        )}
        <div class="field">
          <label for="logo-file">Logo image</label>
          <p class="field-hint" id="logo-file-hint">
            {types.slice(0, -1).join(', ')} or {types.at(-1)}, up to {mb} MB, at least{' '}
            {LOGO_LIMITS.minSide} pixels a side. Shown at most 48 pixels high: a PNG with a
            transparent background, 96 pixels high or more, looks sharp on every screen.
          </p>
          <input
            id="logo-file"
            name="file"
            type="file"
            required
            accept={Object.keys(UPLOAD_TYPES).join(',')}
            aria-invalid={invalid}
            aria-describedby={
              invalid === undefined ? 'logo-file-hint' : 'logo-file-hint logo-problem'
            }
          />
        </div>
        <button type="submit" class="button">
          {logo === null ? 'Upload the logo' : 'Replace the logo'}
        </button>
      </form>
      {logo === null ? null : (
        <form method="post" action="/newsroom/settings/logo/remove" class="nr-form">
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button button-secondary">
            Remove the logo
          </button>
        </form>
      )}
    </section>
  )
}
