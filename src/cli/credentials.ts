/** Prints the demo administrator's sign-in details once, plainly, on stdout. */

import type { Output } from './command.js'

/** A framed block with the e-mail and password, hard to miss among progress lines. */
export function printCredentials(output: Output, admin: { email: string; password: string }): void {
  const lines = [
    'Demo administrator (shown only this once, keep it safe):',
    `  e-mail:   ${admin.email}`,
    `  password: ${admin.password}`,
  ]
  const rule = '─'.repeat(Math.max(...lines.map((l) => l.length)) + 2)
  output.out(`┌${rule}┐`)
  for (const line of lines) output.out(`│ ${line.padEnd(rule.length - 2)} │`)
  output.out(`└${rule}┘`)
}
