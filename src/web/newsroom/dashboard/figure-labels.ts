/** Short labels for the dashboard's charts and tables; the newsroom works in UTC. */

/** "28 Nov" for the UTC day "2026-11-28". */
export function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  })
}

/** "4 Dec 13:00" for the start of a UTC hour (epoch ms). */
export function hourLabel(hourMs: number): string {
  const at = new Date(hourMs)
  return `${dayLabel(at.toISOString().slice(0, 10))} ${at.toISOString().slice(11, 16)}`
}
