/** Request schemas of the newsroom's own routes (sign-in, account, password reset). */

import { type Static, Type } from '@sinclair/typebox'

const Email = Type.String({ maxLength: 254 })
const Password = Type.String({ maxLength: 1000 })

export const SignInQuery = Type.Object(
  {
    next: Type.Optional(Type.String({ maxLength: 2000 })),
    notice: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
)
export type SignInQuery = Static<typeof SignInQuery>

export const SignInForm = Type.Object(
  {
    email: Email,
    password: Password,
    next: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export type SignInForm = Static<typeof SignInForm>

export const NoticeQuery = Type.Object(
  { notice: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
)
export type NoticeQuery = Static<typeof NoticeQuery>

export const EmptyForm = Type.Object({}, { additionalProperties: false })

export const PasswordChangeForm = Type.Object(
  { current: Password, next: Password, confirm: Password },
  { additionalProperties: false },
)
export type PasswordChangeForm = Static<typeof PasswordChangeForm>

export const ForgotForm = Type.Object({ email: Email }, { additionalProperties: false })
export type ForgotForm = Static<typeof ForgotForm>

export const ResetParams = Type.Object(
  { token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,200}$' }) },
  { additionalProperties: false },
)
export type ResetParams = Static<typeof ResetParams>

export const ResetForm = Type.Object(
  { next: Password, confirm: Password },
  { additionalProperties: false },
)
export type ResetForm = Static<typeof ResetForm>
