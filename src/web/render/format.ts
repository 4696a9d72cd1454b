/** Formats dates and counts for reader pages; pure, locale-aware, always in UTC. */

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

/** "November 20, 2026 at 12:00 PM UTC" (in the site's language). */
export function formatDateTime(at: Date, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(at) + ' UTC'
}

/** "November 20, 2026". */
export function formatDate(at: Date, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'long' }).format(at)
}

/** "Friday, November 20, 2026": the edition line under the masthead. */
export function formatEditionDate(at: Date, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'full' }).format(at)
}

const counts = new Intl.NumberFormat('en-US')

/** "1,234": grouped digits, as readers expect them on a view counter. */
export function formatCount(value: number): string {
  return counts.format(value)
}

/** "1 view", "1,234 views". */
export function formatViews(value: number): string {
  return `${formatCount(value)} ${value === 1 ? 'view' : 'views'}`
}
