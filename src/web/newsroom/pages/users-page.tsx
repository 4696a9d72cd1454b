/** The list of newsroom users (admins only); changes are made with `masthead user …` for now. */

import type { User } from '../../../accounts/index.js'
import type { SafeHtml } from '../../render/html.js'

/** The content of /newsroom/users. */
export function UsersPage(props: { users: readonly User[] }): SafeHtml {
  return (
    <div>
      <h1>Users</h1>
      <p>
        Add users, change roles, deactivate accounts and make reset links with{' '}
        <code>masthead user add|set-role|deactivate|reset-password</code> on the server.
      </p>
      <table class="nr-table">
        <caption class="visually-hidden">Newsroom users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <tr>
              <th scope="row">{user.name}</th>
              <td>{user.email}</td>
              <td>{user.role}</td>
              <td>
                {user.deactivatedAt === null
                  ? 'Active'
                  : `Deactivated ${user.deactivatedAt.toISOString().slice(0, 10)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
