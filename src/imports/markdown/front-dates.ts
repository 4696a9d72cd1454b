/** Dates as front matter writes them: `2024-03-05`, `2024-03-05 14:30`, full ISO-8601 with a zone. */

const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * The instant a front-matter date names, or undefined when it is no date. A date or time
 * without a zone is read as UTC, so the same file imports the same way on every machine.
 * @example frontDate('2024-03-05') // → 2024-03-05T00:00:00.000Z
 */
export function frontDate(text: string): Date | undefined {
  const match = DATE.exec(text.trim())
  if (match === null) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone = 'Z'] = match
  const offset = zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`)
  if (Number.isNaN(date.getTime())) return undefined
  // Date() rolls "02-30" over to March: a day that does not exist is a bad date.
  if (zone === 'Z' && date.getUTCDate() !== Number(d)) return undefined
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined
  return date
}
