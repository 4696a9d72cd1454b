/** The mailer used when no SMTP server is configured: each message goes to the log instead. */

import type { Logger } from '../logger.js'
import type { Mailer } from './mailer.js'

/**
 * A mailer that logs every message at info level (the operator can copy a reset link from it).
 * @example const mailer = createLogMailer(logger.child({ module: 'mail' }))
 */
export function createLogMailer(logger: Logger): Mailer {
  return {
    delivers: false,
    send: async (message) => {
      logger.info({ mail: message }, 'mail not sent (MASTHEAD_SMTP_URL is not set); logged instead')
    },
  }
}
