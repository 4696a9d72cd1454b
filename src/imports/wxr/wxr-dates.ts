/** Dates in a WXR item: the GMT fields first, then local time, then the RSS pubDate. */

import { textOfChild, type XmlNode } from './xml-elements.js'

export type WxrDate =
  { kind: 'date'; date: Date } | { kind: 'none' } | { kind: 'bad'; reason: string }

/** WordPress writes "0000-00-00 00:00:00" for "no date yet" (drafts). */
const NO_DATE = /^0000-00-00/
const MYSQL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/

/**
 * The first of `fields` that holds a date: "YYYY-MM-DD hh:mm:ss" (read as UTC: the GMT fields
 * are, and a local time without its zone is best taken as one) or an RFC 822 pubDate.
 */
export function wordpressDate(item: XmlNode, ...fields: string[]): WxrDate {
  for (const field of fields) {
    const text = textOfChild(item, field)
    if (text === '' || NO_DATE.test(text)) continue
    const parts = MYSQL.exec(text)
    const date = parts
      ? new Date(Date.UTC(...utcFields(parts)))
      : field === 'pubDate'
        ? new Date(text)
        : undefined
    if (date === undefined || Number.isNaN(date.getTime()) || !sameFields(parts, date))
      return { kind: 'bad', reason: `bad date in <${field}>: "${text.slice(0, 40)}"` }
    return { kind: 'date', date }
  }
  return { kind: 'none' }
}

function utcFields(parts: RegExpExecArray): [number, number, number, number, number, number] {
  const n = (i: number): number => Number(parts[i])
  return [n(1), n(2) - 1, n(3), n(4), n(5), n(6)]
}

/** Date.UTC rolls "2019-02-31" over to March; such a date is refused instead. */
function sameFields(parts: RegExpExecArray | null, date: Date): boolean {
  if (parts === null) return true
  return date.getUTCMonth() + 1 === Number(parts[2]) && date.getUTCDate() === Number(parts[3])
}
