/** Finds and launches Debian's Chromium for the browser tests; never downloads a browser. */

import fs from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** The Chromium binary: MASTHEAD_CHROMIUM, else Debian's package path. */
export const CHROMIUM_PATH = process.env.MASTHEAD_CHROMIUM ?? '/usr/bin/chromium'

/** Flags for a quiet headless run as root on a machine whose network is closed. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]

/** Why the browser tests cannot run here, or undefined when Chromium is present. */
export function chromiumMissing(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined
  return `Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium, or set MASTHEAD_CHROMIUM`
}

/** Starts a headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    // playwright adds its own --headless; ours (new headless) comes later and wins.
    headless: true,
    timeout: 30_000,
  })
}
