/**
 * Wire datelines at the start of a story's first paragraph: `LISBON, March 3 (Agency Name) —`,
 * `BERLIN (AP) —`, `WASHINGTON, D.C., Sept. 12, 2025 (Reuters) -`. The place is in capitals,
 * the date (month and day, maybe a year) is optional, the agency sits in brackets before a dash.
 */

/** A dateline as read from the text. */
export interface Dateline {
  /** The dateline as written, without the dash ("LISBON, March 3 (Agency Name)"). */
  text: string
  place: string
  agency: string
  /** Month (1–12), day and year as written; the year is often absent. */
  date?: { month: number; day: number; year?: number }
  /** The paragraph after the dash. */
  rest: string
}

const DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M} .'’-]*(?:,\s*\p{Lu}[\p{Lu}\p{M} .'’-]*)*?)(?:,\s*(\p{Lu}\p{Ll}+\.?)\s+(\d{1,2})(?:,\s*(\d{4}))?)?\s*\(([^()]{1,80})\)\s*(?:—|–|--|-)\s*/u

// prettier-ignore
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december']

/** The month number of "March", "Mar." or "Sept."; undefined when it is no month. */
function monthOf(name: string): number | undefined {
  const word = name.replace(/\.$/, '').toLowerCase()
  const index = MONTHS.findIndex(
    (full) =>
      full === word || full.slice(0, 3) === word || (full === 'september' && word === 'sept'),
  )
  return index === -1 ? undefined : index + 1
}

/** Reads the dateline at the start of `paragraph`; undefined when there is none, a reason when its date is bad. */
export function parseDateline(paragraph: string): Dateline | string | undefined {
  const match = DATELINE.exec(paragraph)
  if (match === null) return undefined
  const [whole, place = '', monthName, day, year, agency = ''] = match
  const dateline: Dateline = {
    text: whole.replace(/\s*(?:—|–|--|-)\s*$/, ''),
    place: place.trim(),
    agency: agency.trim(),
    rest: paragraph.slice(whole.length),
  }
  if (monthName === undefined || day === undefined) return dateline
  const month = monthOf(monthName)
  const dayNumber = Number(day)
  if (month === undefined) return `bad date in the dateline: "${monthName} ${day}" names no month`
  const probeYear = year === undefined ? 2024 : Number(year) // 2024 is a leap year: Feb 29 stays possible
  const probe = new Date(Date.UTC(probeYear, month - 1, dayNumber))
  if (dayNumber < 1 || probe.getUTCDate() !== dayNumber)
    return `bad date in the dateline: ${monthName} ${day} does not exist`
  dateline.date = { month, day: dayNumber, ...(year === undefined ? {} : { year: Number(year) }) }
  return dateline
}

/**
 * The instant of a dateline's date: noon UTC that day (a dateline names a day, not a time, and
 * noon keeps the day the same in every time zone of the Americas, Europe and Africa). Without a
 * year, the latest such day not after `now`.
 */
export function datelineDate(date: NonNullable<Dateline['date']>, now: Date): Date {
  const at = (year: number) => new Date(Date.UTC(year, date.month - 1, date.day, 12))
  if (date.year !== undefined) return at(date.year)
  let year = now.getUTCFullYear()
  // Feb 29 exists only in leap years: walk back to one where the day is real and not ahead.
  while (at(year).getUTCDate() !== date.day || at(year).getTime() > now.getTime() + 86_400_000)
    year--
  return at(year)
}
