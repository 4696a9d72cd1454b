/** The accounts contract. */

import type { User, UserRole } from './types.js'

export interface Accounts {
  /** Creates a user; with no password, a random one is generated and returned once. */
  addUser(input: { email: string; name: string; role: UserRole; password?: string }): Promise<{
    user: User
    generatedPassword: string | undefined
  }>
  /** The user with this e-mail and password, or undefined. */
  verifyPassword(email: string, password: string): Promise<User | undefined>
  findByEmail(email: string): Promise<User | undefined>
  countUsers(): Promise<number>
}
