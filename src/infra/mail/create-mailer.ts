/** Picks the mailer once: SMTP when MASTHEAD_SMTP_URL is set, the log otherwise. */

import type { MailConfig } from '../../config.js'
import type { Logger } from '../logger.js'
import { createLogMailer } from './log.js'
import type { Mailer } from './mailer.js'
import { createSmtpMailer } from './smtp.js'

/** The mailer for `config`. */
export function createMailer(config: MailConfig, logger: Logger): Mailer {
  if (config.smtpUrl === undefined) return createLogMailer(logger)
  return createSmtpMailer({ url: config.smtpUrl, from: config.from })
}
