/** The accounts domain's public surface: createAccounts and its types. */

import type { Db } from '../db/database.js'
import { classifyDbError } from '../db/dialect/classify-db-error.js'
import type { Clock } from '../lib/clock.js'
import type { Accounts } from './accounts.js'
import { userEmailTaken } from './errors.js'
import { generatePassword, hashPassword, passwordMatches } from './passwords.js'
import { checkPassword, normalizeEmail, normalizeName, parseRole } from './user-rules.js'
import { credentialsByEmail, insertUser, userByEmail, userCount } from './user-queries.js'

export type * from './types.js'
export type { Accounts }
export { USER_ROLES } from './types.js'
export { can, PERMISSIONS, requirePermission } from './permissions.js'
export type { Actor, Permission, PermissionSettings, StoryAccess } from './permissions.js'

/**
 * Builds the accounts service.
 * @example const { user, generatedPassword } = await createAccounts({ db, clock }).addUser({ email, name, role: 'admin' })
 */
export function createAccounts({ db, clock }: { db: Db; clock: Clock }): Accounts {
  // Verifying against this when the e-mail is unknown keeps a miss as slow as a wrong password.
  let decoyHash: Promise<string> | undefined

  return {
    addUser: async (input) => {
      const email = normalizeEmail(input.email)
      const name = normalizeName(input.name)
      const role = parseRole(input.role)
      if (input.password !== undefined) checkPassword(input.password)
      if ((await userByEmail(db, email)) !== undefined) throw userEmailTaken(email)
      const generatedPassword = input.password === undefined ? generatePassword() : undefined
      const passwordHash = await hashPassword(input.password ?? generatedPassword ?? '')
      try {
        const user = await insertUser(db, { email, name, role, passwordHash }, clock.now())
        return { user, generatedPassword }
      } catch (error) {
        if (classifyDbError(error) === 'unique') throw userEmailTaken(email)
        throw error
      }
    },
    verifyPassword: async (email, password) => {
      const found = await credentialsByEmail(db, email.trim().toLowerCase())
      if (found === undefined) {
        decoyHash ??= hashPassword(generatePassword())
        await passwordMatches(await decoyHash, password)
        return undefined
      }
      return (await passwordMatches(found.passwordHash, password)) ? found.user : undefined
    },
    findByEmail: (email) => userByEmail(db, email.trim().toLowerCase()),
    countUsers: () => userCount(db),
  }
}
