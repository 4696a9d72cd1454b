/** Schemas of the users screen: the add form, a role change, a user's address. */

import { type Static, Type } from '@sinclair/typebox'
import { IntId } from '../../schema-parts.js'

const STRICT = { additionalProperties: false } as const
// Roles are checked by the accounts service (USER_ROLE_INVALID, a 400 shown on the page).
const Role = Type.String({ maxLength: 40 })

export const UserParams = Type.Object({ id: IntId() }, STRICT)
export type UserParams = Static<typeof UserParams>

export const UsersQuery = Type.Object(
  { notice: Type.Optional(Type.String({ maxLength: 40 })) },
  STRICT,
)
export type UsersQuery = Static<typeof UsersQuery>

export const AddUserForm = Type.Object(
  {
    name: Type.String({ maxLength: 500 }),
    email: Type.String({ maxLength: 500 }),
    role: Role,
  },
  STRICT,
)
export type AddUserForm = Static<typeof AddUserForm>

export const RoleForm = Type.Object({ role: Role }, STRICT)
export type RoleForm = Static<typeof RoleForm>
