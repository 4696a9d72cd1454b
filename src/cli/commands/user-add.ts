/** `masthead user add`: creates a newsroom user, printing a generated password when none is given. */

import type { UserRole } from '../../accounts/index.js'
import { parseConfig } from '../../config.js'
import { type Command, UsageError } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withServices } from '../with-services.js'

const help = `Usage: masthead user add --email E --name N --role ROLE [--password P]

Creates a newsroom user. Without --password a random password is generated and printed once.

Options:
  --email E      the sign-in address
  --name N       the name shown in the newsroom
  --role R       admin, editor, author, contributor or moderator
  --password P   at least 12 characters (avoid: it stays in your shell history)
  -h, --help     show this help`

export const userAddCommand: Command = {
  name: 'user add',
  summary: 'Create a newsroom user',
  help,
  run: async (args, output) => {
    const values = parseOptions(
      args,
      {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
      },
      help,
    )
    if (values === undefined) {
      output.out(help)
      return 0
    }
    const { email, name, role, password } = values
    if (email === undefined || name === undefined || role === undefined) {
      throw new UsageError('user add needs --email, --name and --role', help)
    }
    return withServices(parseConfig(output.env), async (services) => {
      const { user, generatedPassword } = await services.accounts.addUser({
        email,
        name,
        // addUser checks the role (USER_ROLE_INVALID names it).
        role: role as UserRole,
        ...(password === undefined ? {} : { password }),
      })
      output.out(`Created ${user.role} ${user.name} <${user.email}>.`)
      if (generatedPassword !== undefined) {
        output.out(`Password (shown only this once): ${generatedPassword}`)
      }
      return 0
    })
  },
}
