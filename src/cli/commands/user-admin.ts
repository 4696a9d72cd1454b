/** `masthead user list|set-role|deactivate|reset-password`: the operator's user administration. */

import { parseArgs } from 'node:util'
import { parseConfig } from '../../config.js'
import { type Command, UsageError } from '../command.js'
import { withServices } from '../with-services.js'

/** The positionals of `args` (exactly `count` of them); undefined when --help was asked for. */
function positionals(args: string[], count: number, help: string): string[] | undefined {
  let parsed
  try {
    parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), help)
  }
  if (parsed.values.help === true) return undefined
  if (parsed.positionals.length !== count)
    throw new UsageError(`expected ${count === 1 ? 'one argument' : `${count} arguments`}`, help)
  return parsed.positionals
}

const listHelp = `Usage: masthead user list

Lists every newsroom user: e-mail, role, status and name, active users first.`

export const userListCommand: Command = {
  name: 'user list',
  summary: 'List newsroom users',
  help: listHelp,
  run: async (args, output) => {
    if (positionals(args, 0, listHelp) === undefined) {
      output.out(listHelp)
      return 0
    }
    return withServices(parseConfig(output.env), async ({ accounts }) => {
      const users = await accounts.listUsers()
      if (users.length === 0) output.out('No users yet: add one with `masthead user add`.')
      for (const user of users) {
        const status =
          user.deactivatedAt === null
            ? 'active'
            : `deactivated ${user.deactivatedAt.toISOString().slice(0, 10)}`
        output.out(`${user.email}  ${user.role}  ${status}  ${user.name}`)
      }
      return 0
    })
  },
}

const setRoleHelp = `Usage: masthead user set-role EMAIL ROLE

Gives a user another role: admin, editor, author, contributor or moderator. The last active admin keeps the admin role.
The change applies to the user's next request (sessions stay).`

export const userSetRoleCommand: Command = {
  name: 'user set-role',
  summary: "Change a user's role",
  help: setRoleHelp,
  run: async (args, output) => {
    const values = positionals(args, 2, setRoleHelp)
    if (values === undefined) {
      output.out(setRoleHelp)
      return 0
    }
    const [email = '', role = ''] = values
    return withServices(parseConfig(output.env), async ({ accounts }) => {
      const user = await accounts.setRole(email, role)
      output.out(`${user.name} <${user.email}> is now ${user.role}.`)
      return 0
    })
  },
}

const deactivateHelp = `Usage: masthead user deactivate EMAIL

Stops a user signing in and ends every session of theirs at once. Their stories and bylines stay.
The last active admin cannot be deactivated.`

export const userDeactivateCommand: Command = {
  name: 'user deactivate',
  summary: 'Stop a user signing in and end their sessions',
  help: deactivateHelp,
  run: async (args, output) => {
    const values = positionals(args, 1, deactivateHelp)
    if (values === undefined) {
      output.out(deactivateHelp)
      return 0
    }
    return withServices(parseConfig(output.env), async ({ accounts }) => {
      const { user, endedSessions } = await accounts.deactivate(values[0] ?? '')
      output.out(
        `Deactivated ${user.name} <${user.email}>; ${endedSessions} ${endedSessions === 1 ? 'session' : 'sessions'} ended.`,
      )
      return 0
    })
  },
}

const resetHelp = `Usage: masthead user reset-password EMAIL

Prints a one-time link at which the user chooses a new password. The link works once, for 24
hours; using it ends every session of the user. Nobody but the user learns the new password.
The link starts with MASTHEAD_SITE_URL.`

export const userResetPasswordCommand: Command = {
  name: 'user reset-password',
  summary: 'Print a one-time password reset link',
  help: resetHelp,
  run: async (args, output) => {
    const values = positionals(args, 1, resetHelp)
    if (values === undefined) {
      output.out(resetHelp)
      return 0
    }
    return withServices(parseConfig(output.env), async ({ accounts }) => {
      const { url, user, expiresAt } = await accounts.createResetLink(values[0] ?? '')
      output.out(
        `Password reset link for ${user.name} <${user.email}>, valid until ${expiresAt.toISOString()}:`,
      )
      output.out(url)
      if (user.deactivatedAt !== null)
        output.err(
          'Note: this user is deactivated; the link works only once they are active again.',
        )
      return 0
    })
  },
}
