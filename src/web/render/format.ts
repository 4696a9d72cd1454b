/** Formats dates and counts for reader pages; pure, locale-aware, always in UTC. */

/**
 * Long dates in the site's usual languages are written here rather than by ICU: the first
 * `Intl.DateTimeFormat` or `Intl.NumberFormat` maps about 6 MiB of ICU's locale data into the
 * server (issue 10's idle-memory target). The output equals ICU's for these languages, which a
 * test checks over every hour of a year; any other language goes to `Intl`.
 */
const ENGLISH_STYLES: Readonly<Record<string, 'us' | 'gb'>> = {
  en: 'us',
  'en-US': 'us',
  'en-GB': 'gb',
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

function dateTimeFormat(
  language: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = language + JSON.stringify(options)
  let format = dateTimeFormats.get(key)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' })
    dateTimeFormats.set(key, format)
  }
  return format
}

/** "November 20, 2026" (us) or "20 November 2026" (gb). */
function englishDate(at: Date, style: 'us' | 'gb'): string {
  const month = MONTHS[at.getUTCMonth()]!
  const day = at.getUTCDate()
  const year = at.getUTCFullYear()
  return style === 'us' ? `${month} ${day}, ${year}` : `${day} ${month} ${year}`
}

/** "12:00 PM" (us) or "12:00" (gb). */
function englishTime(at: Date, style: 'us' | 'gb'): string {
  const hours = at.getUTCHours()
  const minutes = String(at.getUTCMinutes()).padStart(2, '0')
  if (style === 'gb') return `${String(hours).padStart(2, '0')}:${minutes}`
  return `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
}

/** "November 20, 2026 at 12:00 PM UTC" (in the site's language). */
export function formatDateTime(at: Date, language: string): string {
  const style = ENGLISH_STYLES[language]
  if (style !== undefined) return `${englishDate(at, style)} at ${englishTime(at, style)} UTC`
  return dateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(at) + ' UTC'
}

/** "November 20, 2026". */
export function formatDate(at: Date, language: string): string {
  const style = ENGLISH_STYLES[language]
  if (style !== undefined) return englishDate(at, style)
  return dateTimeFormat(language, { dateStyle: 'long' }).format(at)
}

/** "Friday, November 20, 2026": the edition line under the masthead. */
export function formatEditionDate(at: Date, language: string): string {
  const style = ENGLISH_STYLES[language]
  if (style !== undefined) return `${WEEKDAYS[at.getUTCDay()]!}, ${englishDate(at, style)}`
  return dateTimeFormat(language, { dateStyle: 'full' }).format(at)
}

/** "1,234": grouped digits, as readers expect them on a view counter. */
export function formatCount(value: number): string {
  // Counts are whole numbers; anything else goes to ICU (see ENGLISH_STYLES for why not always).
  if (!Number.isSafeInteger(value)) return new Intl.NumberFormat('en-US').format(value)
  const grouped = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',')
  return value < 0 ? `-${grouped}` : grouped
}

/** "1 view", "1,234 views". */
export function formatViews(value: number): string {
  return `${formatCount(value)} ${value === 1 ? 'view' : 'views'}`
}
