/**
 * Compiles a parsed query to each engine's syntax: an FTS5 MATCH expression (SQLite) and a
 * tsquery (PostgreSQL). Terms hold only letters and digits (see analysis.ts) and are quoted
 * anyway, so no input can form an operator, a column filter or NEAR.
 */

import type { QueryUnit, SearchQuery } from './query-parser.js'

/** FTS5 string literal: double quotes, inner quotes doubled. */
const ftsString = (text: string): string => `"${text.replaceAll('"', '""')}"`

function ftsUnit(unit: QueryUnit): string {
  if (unit.kind === 'phrase') return ftsString(unit.terms.join(' '))
  return unit.prefix ? `${ftsString(unit.term)} *` : ftsString(unit.term)
}

const ftsAny = (units: readonly QueryUnit[]): string =>
  units.length === 1 ? ftsUnit(units[0] as QueryUnit) : `(${units.map(ftsUnit).join(' OR ')})`

/**
 * The FTS5 MATCH expression of `query`, or undefined when it has nothing to find.
 * @example toFts5(parseQuery('ferr* -strike')) // '"ferr" * NOT "strike"'
 */
export function toFts5(query: SearchQuery): string | undefined {
  if (query.groups.length === 0) return undefined
  const wanted = query.groups.map(ftsAny).join(' AND ')
  if (query.excluded.length === 0) return wanted
  return `(${wanted}) NOT ${ftsAny(query.excluded)}`
}

/** tsquery lexeme literal: single quotes, inner quotes and backslashes escaped. */
const tsLexeme = (text: string): string => `'${text.replace(/['\\]/g, (c) => `\\${c}`)}'`

function tsUnit(unit: QueryUnit): string {
  if (unit.kind === 'phrase') return `(${unit.terms.map(tsLexeme).join(' <-> ')})`
  return unit.prefix ? `${tsLexeme(unit.term)}:*` : tsLexeme(unit.term)
}

const tsAny = (units: readonly QueryUnit[]): string =>
  units.length === 1 ? tsUnit(units[0] as QueryUnit) : `(${units.map(tsUnit).join(' | ')})`

/**
 * The tsquery text of `query` (cast with `::tsquery`, never through to_tsquery, so PostgreSQL
 * applies no second analysis), or undefined when it has nothing to find.
 * @example toTsquery(parseQuery('ferr* -strike')) // "'ferr':* & !'strike'"
 */
export function toTsquery(query: SearchQuery): string | undefined {
  if (query.groups.length === 0) return undefined
  const parts = query.groups.map(tsAny)
  for (const unit of query.excluded) parts.push(`!${tsUnit(unit)}`)
  return parts.join(' & ')
}
