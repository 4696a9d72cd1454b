/** Building blocks of the route schemas (TypeBox) that the site and the API share: ids, pages, errors. */

import { type Static, type TInteger, type TString, type TUnsafe, Type } from '@sinclair/typebox'

/** The largest value of an `integer` (int4) column; PostgreSQL refuses anything larger. */
export const MAX_INT_ID = 2_147_483_647

/** The largest page number we read; beyond it no list could reach (and it stays a safe integer). */
export const MAX_PAGE = 100_000

/** A row id of an `integer` column, so an out-of-range id is a 400, never a database error. */
export const IntId = (): TInteger => Type.Integer({ minimum: 1, maximum: MAX_INT_ID })

/** A 1-based page number. */
export const PageNumber = (): TInteger => Type.Integer({ minimum: 1, maximum: MAX_PAGE })

/**
 * `schema` or null, written as a JSON-schema type list (`["integer","null"]`): unlike anyOf, Ajv
 * does not coerce null to 0 on the way through the integer branch.
 * @example Nullable(IntId()) // { type: ['integer', 'null'], minimum: 1, maximum: 2147483647 }
 */
export function Nullable<T extends TInteger | TString>(schema: T): TUnsafe<Static<T> | null> {
  // A JSON copy drops TypeBox's symbol-keyed kind, so the result is an ordinary schema.
  const plain = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>
  return Type.Unsafe<Static<T> | null>({ ...plain, type: [schema.type, 'null'] })
}

/** The JSON body of every API error (web/plugins/error-handler.ts writes it). */
export const ApiErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Object({}, { additionalProperties: true })),
  }),
})
