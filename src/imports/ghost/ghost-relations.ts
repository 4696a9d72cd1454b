/**
 * The first pass over a Ghost export: everything but the posts (meta, tags, users, and the
 * posts_tags / posts_authors joins), which are small next to the post bodies. Ghost writes the
 * posts first, so a second pass then streams them with all of this at hand.
 */

import type { MalformedRecord } from '../types.js'
import { ghostChooser, placeOf, type ShapeProblem } from './ghost-paths.js'
import { type GhostTag, type GhostUser, ghostTag, ghostUser, idField, isRow } from './ghost-rows.js'
import { type OnBytes, selectJson, type TakenValue } from './json-select.js'
import { JsonSyntaxError } from './json-tokenizer.js'

/** What the first pass learned. */
export interface GhostRelations {
  /** meta.version ("5.75.0"), when present. */
  version: string | undefined
  /** True when a `data` object was found at all. */
  hasData: boolean
  /** How many rows the posts table holds (for progress). */
  postCount: number
  tags: Map<string, GhostTag>
  users: Map<string, GhostUser>
  /** Post id → tag ids in sort order. */
  tagsByPost: Map<string, string[]>
  /** Post id → user ids in sort order (the first is the primary author). */
  authorsByPost: Map<string, string[]>
  /** Rows and shapes that could not be read. */
  problems: MalformedRecord[]
  /** Where the JSON broke, when it did: what came before it is still good. */
  syntaxError: JsonSyntaxError | undefined
}

const TABLES = new Set(['posts', 'tags', 'users', 'posts_tags', 'posts_authors'])

type Joined = Map<string, { id: string; order: number }[]>

function join(into: Joined, row: Record<string, unknown>, idName: string, index: number): boolean {
  const post = idField(row, 'post_id')
  const other = idField(row, idName)
  if (post === '' || other === '') return false
  const order = typeof row.sort_order === 'number' ? row.sort_order : index
  const list = into.get(post)
  if (list === undefined) into.set(post, [{ id: other, order }])
  else list.push({ id: other, order })
  return true
}

const sorted = (joined: Joined): Map<string, string[]> =>
  new Map(
    [...joined].map(([post, list]) => [
      post,
      list.sort((a, b) => a.order - b.order).map((e) => e.id),
    ]),
  )

/** Reads the export once, skipping the posts' contents; see GhostRelations. */
export async function readGhostRelations(
  source: AsyncIterable<Uint8Array>,
  onBytes?: OnBytes,
): Promise<GhostRelations> {
  const shape: ShapeProblem[] = []
  const relations: GhostRelations = {
    version: undefined,
    hasData: false,
    postCount: 0,
    tags: new Map(),
    users: new Map(),
    tagsByPost: new Map(),
    authorsByPost: new Map(),
    problems: [],
    syntaxError: undefined,
  }
  const postTags: Joined = new Map()
  const postAuthors: Joined = new Map()
  const onRow = (table: string) => {
    if (table !== 'posts') return 'take' as const
    relations.postCount++
    return 'skip' as const
  }
  const chooser = ghostChooser(TABLES, shape, onRow)
  const bad = (path: readonly (string | number)[], reason: string) =>
    relations.problems.push({ kind: 'malformed', place: placeOf(path), reason })
  const take = (taken: TakenValue): void => {
    const { path, value } = taken
    const table = path[path.length - 2]
    if (path[path.length - 1] === 'meta') {
      if (isRow(value) && typeof value.version === 'string') relations.version = value.version
      return
    }
    if (!isRow(value)) {
      bad(path, 'expected an object')
      return
    }
    if (taken.invalidUtf8) {
      bad(path, 'invalid UTF-8 in the row')
      return
    }
    const index = path[path.length - 1] as number
    if (table === 'tags') {
      const tag = ghostTag(value)
      if (tag === undefined) bad(path, 'a tag without an id or a name')
      else relations.tags.set(tag.id, tag)
    } else if (table === 'users') {
      const user = ghostUser(value)
      if (user === undefined) bad(path, 'a user without an id or a name')
      else relations.users.set(user.id, user)
    } else if (table === 'posts_tags') {
      if (!join(postTags, value, 'tag_id', index))
        bad(path, 'a posts_tags row without post_id or tag_id')
    } else if (table === 'posts_authors') {
      if (!join(postAuthors, value, 'author_id', index))
        bad(path, 'a posts_authors row without post_id or author_id')
    }
  }
  const rows = selectJson(
    source,
    (path, kind) => {
      if (path[path.length - 1] === 'data' && kind === 'object') relations.hasData = true
      return chooser(path, kind)
    },
    onBytes,
  )
  try {
    for await (const taken of rows) take(taken)
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    relations.syntaxError = error
  }
  relations.tagsByPost = sorted(postTags)
  relations.authorsByPost = sorted(postAuthors)
  for (const problem of shape) relations.problems.push({ kind: 'malformed', ...problem })
  return relations
}
