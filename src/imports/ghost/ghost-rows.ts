/** Ghost's table rows as the importer reads them: typed fields out of untyped JSON. */

/** A row of any Ghost table, as parsed. */
export type GhostRow = Readonly<Record<string, unknown>>

/** A tag; `internal` tags (`#name`) organise Ghost's own themes and are never imported. */
export interface GhostTag {
  id: string
  name: string
  slug: string
  description: string
  internal: boolean
}

/** A staff user, who becomes an author when they wrote an imported post. */
export interface GhostUser {
  id: string
  name: string
  slug: string
  email: string
  bio: string
}

/** True for a JSON object (not an array, not null). */
export const isRow = (value: unknown): value is GhostRow =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A text field ('' when absent or not text). */
export const textField = (row: GhostRow, name: string): string => {
  const value = row[name]
  return typeof value === 'string' ? value : ''
}

/** An id field: Ghost 3+ uses 24-hex ObjectId strings, older exports numbers. */
export const idField = (row: GhostRow, name: string): string => {
  const value = row[name]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

/** The tag a row describes, or undefined when it has no id or name. */
export function ghostTag(row: GhostRow): GhostTag | undefined {
  const id = idField(row, 'id')
  const name = textField(row, 'name').trim()
  if (id === '' || name === '') return undefined
  const internal = row.visibility === 'internal' || name.startsWith('#')
  return {
    id,
    name,
    slug: textField(row, 'slug'),
    description: textField(row, 'description'),
    internal,
  }
}

/** The user a row describes, or undefined when it has no id or name. */
export function ghostUser(row: GhostRow): GhostUser | undefined {
  const id = idField(row, 'id')
  const name = textField(row, 'name').trim()
  if (id === '' || name === '') return undefined
  return {
    id,
    name,
    slug: textField(row, 'slug'),
    email: textField(row, 'email'),
    bio: textField(row, 'bio'),
  }
}
