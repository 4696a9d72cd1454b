/** The users screen (admins only): invite a user, change roles, deactivate. */

import { USER_ROLES, type User } from '../../../accounts/index.js'
import type { SafeHtml } from '../../render/html.js'
import { CsrfField } from '../components/csrf-field.js'
import { FormError, Notice } from '../components/form-messages.js'

/** What the add form shows again after a refusal. */
export interface InviteDraft {
  name: string
  email: string
  role: string
}

/** The invitation just made, shown once (the link is never stored in the clear). */
export interface InviteShown {
  name: string
  email: string
  url: string
  expiresAt: Date
  mailed: boolean
}

export interface UsersPageProps {
  users: readonly User[]
  csrfToken: string
  notice?: string | undefined
  /** A refusal of the add form (kept next to it, with what was typed). */
  addError?: string | undefined
  draft?: InviteDraft | undefined
  /** A refusal of a role change or deactivation. */
  error?: string | undefined
  invited?: InviteShown | undefined
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: 'Admin',
  editor: 'Editor',
  author: 'Author',
  contributor: 'Contributor',
  moderator: 'Moderator',
}

function RoleOptions(props: { selected: string }): SafeHtml {
  return (
    <>
      {USER_ROLES.map((role) => (
        <option value={role} selected={role === props.selected}>
          {ROLE_LABELS[role] ?? role}
        </option>
      ))}
    </>
  )
}

function InviteLink(props: { invited: InviteShown }): SafeHtml {
  const { invited } = props
  return (
    <div class="nr-notice" role="status">
      <h2 id="invite-heading">Invitation for {invited.name}</h2>
      <p>
        {invited.mailed
          ? `The link was e-mailed to ${invited.email}. `
          : `No e-mail was sent: pass this link on to ${invited.email} yourself. `}
        It is shown only now, works once, and expires on{' '}
        <time datetime={invited.expiresAt.toISOString()}>{invited.expiresAt.toUTCString()}</time>.
      </p>
      <p>
        <label for="invite-url">Invitation link</label>
        <input id="invite-url" type="text" readonly value={invited.url} class="nr-invite-url" />
      </p>
    </div>
  )
}

/** The content of /newsroom/users. */
export function UsersPage(props: UsersPageProps): SafeHtml {
  const draft = props.draft ?? { name: '', email: '', role: 'author' }
  return (
    <div>
      <h1>Users</h1>
      <Notice message={props.notice} />
      {props.invited === undefined ? null : <InviteLink invited={props.invited} />}
      <FormError title="Nothing was changed" message={props.error} />
      <h2 id="add-heading">Add a user</h2>
      <p>The new user gets a link that sets their password; until then they cannot sign in.</p>
      <form
        method="post"
        action="/newsroom/users"
        class="nr-form nr-narrow"
        aria-labelledby="add-heading"
      >
        {props.addError === undefined ? null : (
          <div class="error-summary" role="alert" aria-labelledby="add-error-title">
            <h3 id="add-error-title">The user was not added</h3>
            <p>{props.addError}</p>
          </div>
        )}
        <CsrfField token={props.csrfToken} />
        <div class="field">
          <label for="user-name">Name</label>
          <input
            id="user-name"
            name="name"
            type="text"
            autocomplete="off"
            maxlength="120"
            required
            value={draft.name}
          />
        </div>
        <div class="field">
          <label for="user-email">E-mail</label>
          <input
            id="user-email"
            name="email"
            type="email"
            autocomplete="off"
            maxlength="254"
            required
            value={draft.email}
          />
        </div>
        <div class="field">
          <label for="user-role">Role</label>
          <select id="user-role" name="role">
            <RoleOptions selected={draft.role} />
          </select>
        </div>
        <button type="submit" class="button">
          Add user
        </button>
      </form>
      <h2 id="list-heading">Everyone in the newsroom</h2>
      <table class="nr-table" aria-labelledby="list-heading">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => {
            const active = user.deactivatedAt === null
            return (
              <tr>
                <th scope="row">{user.name}</th>
                <td>{user.email}</td>
                <td>
                  {active ? (
                    <form
                      method="post"
                      action={`/newsroom/users/${user.id}/role`}
                      class="nr-inline"
                    >
                      <CsrfField token={props.csrfToken} />
                      <label for={`role-${user.id}`} class="visually-hidden">
                        Role of {user.name}
                      </label>
                      <select id={`role-${user.id}`} name="role">
                        <RoleOptions selected={user.role} />
                      </select>{' '}
                      <button type="submit" class="button button-secondary">
                        Change role<span class="visually-hidden"> of {user.name}</span>
                      </button>
                    </form>
                  ) : (
                    (ROLE_LABELS[user.role] ?? user.role)
                  )}
                </td>
                <td>
                  {active ? (
                    <>
                      Active ·{' '}
                      <a href={`/newsroom/users/${user.id}/deactivate`}>
                        Deactivate<span class="visually-hidden"> {user.name}</span>
                      </a>
                    </>
                  ) : (
                    `Deactivated ${user.deactivatedAt?.toISOString().slice(0, 10) ?? ''}`
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The confirmation step of a deactivation (a page, so it works without JavaScript). */
export function DeactivatePage(props: { user: User; csrfToken: string }): SafeHtml {
  const { user } = props
  return (
    <div class="nr-narrow">
      <h1>Deactivate {user.name}?</h1>
      <p>
        {user.name} ({user.email}) will not be able to sign in, and every session of theirs ends at
        once. Their stories and bylines stay.
      </p>
      <form method="post" action={`/newsroom/users/${user.id}/deactivate`}>
        <CsrfField token={props.csrfToken} />
        <button type="submit" class="button button-danger">
          Deactivate {user.name}
        </button>{' '}
        <a href="/newsroom/users">Cancel</a>
      </form>
    </div>
  )
}
