/**
 * Where things live in a Ghost export, for the streaming reader: `{ db: [{ meta, data }] }` (what
 * Ghost's Labs page writes) or the bare `{ meta, data }`, with one array per table under `data`.
 */

import type { JsonChoice, JsonKind, JsonPath } from './json-select.js'

/** A spot in the export that a reader cares about, or undefined for the rest. */
export type GhostSpot =
  | { at: 'meta' }
  | { at: 'table'; table: string }
  | { at: 'row'; table: string; index: number }
  | { at: 'container' }

/** Reduces `{ db: [n] … }` paths to the bare shape, or undefined when the path is elsewhere. */
function bare(path: JsonPath): JsonPath | undefined {
  if (path[0] !== 'db') return path
  if (path.length <= 2) return [] // db itself and its entries: containers to walk
  return path.slice(2)
}

/** Classifies a path; undefined means the reader may skip it. */
export function ghostSpot(path: JsonPath): GhostSpot | undefined {
  if (path.length === 0) return { at: 'container' }
  const rest = bare(path)
  if (rest === undefined) return undefined
  if (rest.length === 0) return { at: 'container' }
  const [head, table, index] = rest
  if (head === 'meta' && rest.length === 1) return { at: 'meta' }
  if (head !== 'data') return undefined
  if (rest.length === 1) return { at: 'container' }
  if (typeof table !== 'string') return undefined
  if (rest.length === 2) return { at: 'table', table }
  if (rest.length === 3 && typeof index === 'number') return { at: 'row', table, index }
  return undefined
}

/** Where a shape check failed: the place and what was expected there. */
export interface ShapeProblem {
  place: string
  reason: string
}

/** Human form of a path: `db[0].data.posts[17]`. */
export function placeOf(path: JsonPath): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`,
    '',
  )
}

/**
 * A chooser for selectJson: walks into containers, takes meta and the rows of `tables`, skips
 * everything else; wrong shapes (data not an object, a table not an array) go to `problems`.
 */
export function ghostChooser(
  tables: ReadonlySet<string>,
  problems: ShapeProblem[],
  onRow?: (table: string) => JsonChoice,
): (path: JsonPath, kind: JsonKind) => JsonChoice {
  return (path, kind) => {
    const spot = ghostSpot(path)
    if (spot === undefined) return 'skip'
    switch (spot.at) {
      case 'container': {
        const wanted = path.length === 1 && path[0] === 'db' ? 'array' : 'object'
        if (kind === wanted) return 'enter'
        problems.push({ place: placeOf(path) || 'the top level', reason: `expected an ${wanted}` })
        return 'skip'
      }
      case 'meta':
        return 'take'
      case 'table':
        if (!tables.has(spot.table)) return 'skip'
        if (kind === 'array') return 'enter'
        problems.push({ place: placeOf(path), reason: 'expected an array of rows' })
        return 'skip'
      case 'row':
        return onRow?.(spot.table) ?? 'take'
    }
  }
}
