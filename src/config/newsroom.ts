/** The newsroom's settings: sign-in sessions and lock, who may publish, scheduled publishing, mail. */

import { boolean, ConfigError, integer } from './values.js'

/** Every variable this module reads (config.ts lists them with the rest). */
export const NEWSROOM_VARIABLES = [
  'MASTHEAD_SESSION_IDLE_MINUTES',
  'MASTHEAD_SESSION_MAX_HOURS',
  'MASTHEAD_SIGN_IN_LOCK_MINUTES',
  'MASTHEAD_AUTHORS_MAY_PUBLISH',
  'MASTHEAD_PUBLISH_CHECK_SECONDS',
  'MASTHEAD_SMTP_URL',
  'MASTHEAD_MAIL_FROM',
] as const

type Read = (name: (typeof NEWSROOM_VARIABLES)[number]) => string | undefined

/** Newsroom sign-in, the site's publishing rule and the scheduled-publishing check. */
export interface NewsroomConfig {
  /** A session unused for this long ends (ms). */
  readonly sessionIdleMs: number
  /** A session ends this long after sign-in, used or not (ms). */
  readonly sessionMaxMs: number
  /** How long sign-in to an account (or from an address) stays locked after too many failures (ms). */
  readonly signInLockMs: number
  /** Authors may publish and schedule their own stories without an editor (never others'). */
  readonly authorsMayPublish: boolean
  /** How often scheduled stories whose time has come are put live (ms; at most a minute). */
  readonly publishCheckMs: number
}

/** Outgoing e-mail (password reset links); without an SMTP URL, mails are written to the log. */
export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; undefined = log only. */
  readonly smtpUrl: string | undefined
  /** The From address of outgoing mail. */
  readonly from: string
}

/** Session lifetimes and the sign-in lock in ms, MASTHEAD_AUTHORS_MAY_PUBLISH, the publish check. */
export function newsroomConfig(read: Read): NewsroomConfig {
  const count = (name: Parameters<Read>[0], fallback: number, min: number, max: number): number =>
    integer(name, read(name), fallback, min, max)
  return {
    sessionIdleMs: count('MASTHEAD_SESSION_IDLE_MINUTES', 240, 5, 10_080) * 60_000,
    sessionMaxMs: count('MASTHEAD_SESSION_MAX_HOURS', 168, 1, 8760) * 3_600_000,
    signInLockMs: count('MASTHEAD_SIGN_IN_LOCK_MINUTES', 15, 1, 1440) * 60_000,
    authorsMayPublish: boolean(
      'MASTHEAD_AUTHORS_MAY_PUBLISH',
      read('MASTHEAD_AUTHORS_MAY_PUBLISH'),
      false,
    ),
    // At most a minute: the newsroom promises scheduled stories go live within 60 s.
    publishCheckMs: count('MASTHEAD_PUBLISH_CHECK_SECONDS', 15, 1, 60) * 1000,
  }
}

/** MASTHEAD_SMTP_URL (smtp: or smtps:, with a host) and MASTHEAD_MAIL_FROM. */
export function mailConfig(read: Read, host: string): MailConfig {
  const smtpUrl = read('MASTHEAD_SMTP_URL')
  const target = smtpUrl !== undefined && URL.canParse(smtpUrl) ? new URL(smtpUrl) : undefined
  // The URL may hold a password: the error names the variable, never the value.
  if (smtpUrl !== undefined && (!/^smtps?:$/.test(target?.protocol ?? '') || !target?.hostname))
    throw new ConfigError('MASTHEAD_SMTP_URL', 'smtp://[user:pass@]host[:port] or smtps://…', '?')
  const from = read('MASTHEAD_MAIL_FROM') ?? `newsroom@${host}`
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(from))
    throw new ConfigError('MASTHEAD_MAIL_FROM', 'an e-mail address', from)
  return { smtpUrl, from }
}
