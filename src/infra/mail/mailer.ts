/** Outgoing e-mail behind one interface: written to the log, or sent over SMTP (chosen in app.ts). */

/** One plain-text message. */
export interface MailMessage {
  to: string
  subject: string
  text: string
}

/** Something that delivers mail. */
export interface Mailer {
  /** Whether mail really leaves the machine (false: it is only written to the log). */
  readonly delivers: boolean
  /** Sends `message`; rejects when the mail server refuses it. */
  send(message: MailMessage): Promise<void>
}
