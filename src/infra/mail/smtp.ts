/**
 * A small SMTP client over node:net/tls, enough for the newsroom's own mail (reset links):
 * EHLO, STARTTLS when offered (smtp:) or TLS from the start (smtps:), AUTH PLAIN, one message.
 */

import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { hostname } from 'node:os'
import tls from 'node:tls'
import type { MailMessage, Mailer } from './mailer.js'

/** How long any one step may take before the attempt is given up. */
const STEP_TIMEOUT_MS = 30_000

interface Reply {
  code: number
  lines: string[]
}

/** One SMTP conversation over a socket that may be upgraded to TLS. */
class Conversation {
  private socket: net.Socket
  private buffer = ''
  private pending: string[] = []
  private waiting: ((reply: Reply | Error) => void) | undefined
  private failure: Error | undefined

  constructor(socket: net.Socket) {
    this.socket = socket
    this.attach()
  }

  private attach(): void {
    this.socket.setEncoding('utf8')
    this.socket.setTimeout(STEP_TIMEOUT_MS, () => this.fail(new Error('SMTP server timed out')))
    this.socket.on('data', (chunk: string) => this.onData(chunk))
    this.socket.on('error', (error) => this.fail(error))
    this.socket.on('close', () => this.fail(new Error('SMTP connection closed')))
  }

  private onData(chunk: string): void {
    this.buffer += chunk
    let end: number
    while ((end = this.buffer.indexOf('\n')) !== -1) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '')
      this.buffer = this.buffer.slice(end + 1)
      this.pending.push(line)
      // "250-…" continues a reply; "250 …" (or a bare code) ends it.
      if (line.length <= 3 || line[3] === ' ') {
        const reply = { code: Number(line.slice(0, 3)), lines: this.pending.map((l) => l.slice(4)) }
        this.pending = []
        const waiting = this.waiting
        this.waiting = undefined
        waiting?.(reply)
      }
    }
  }

  private fail(error: Error): void {
    this.failure ??= error
    const waiting = this.waiting
    this.waiting = undefined
    waiting?.(error)
  }

  /** The next reply; rejects unless its code is one of `expected`. */
  read(expected: readonly number[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      if (this.failure !== undefined) return reject(this.failure)
      this.waiting = (reply) => {
        if (reply instanceof Error) reject(reply)
        else if (!expected.includes(reply.code))
          reject(new Error(`SMTP server answered ${reply.code} ${reply.lines.join(' ')}`))
        else resolve(reply)
      }
    })
  }

  /** Sends a command line and reads its reply. */
  async command(line: string, expected: readonly number[]): Promise<Reply> {
    const reply = this.read(expected)
    this.socket.write(`${line}\r\n`)
    return reply
  }

  /** Sends raw data (the message) and reads the reply. */
  async data(text: string, expected: readonly number[]): Promise<Reply> {
    const reply = this.read(expected)
    this.socket.write(text)
    return reply
  }

  /** Wraps the socket in TLS (after STARTTLS). */
  async upgrade(servername: string): Promise<void> {
    this.socket.removeAllListeners()
    const secure = tls.connect({ socket: this.socket, servername })
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve)
      secure.once('error', reject)
    })
    this.socket = secure
    this.attach()
  }

  close(): void {
    this.socket.removeAllListeners()
    this.socket.on('error', () => {})
    this.socket.end()
  }
}

/** `value` as an RFC 2047 encoded word when it is not plain ASCII. */
function headerText(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('a mail header may not contain a line break')
  return /^[\x20-\x7e]*$/.test(value)
    ? value
    : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`
}

/** An address safe to put inside <…> on an SMTP command line. */
function address(value: string): string {
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(value)) throw new Error('not a mail address')
  return value
}

/** The message as sent after DATA: headers, a base64 body, and the final dot. */
export function formatMessage(from: string, message: MailMessage, now: Date): string {
  const domain = from.split('@')[1] ?? 'localhost'
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8')
    .toString('base64')
    .replace(/.{1,76}/g, '$&\r\n')
  return (
    [
      `From: ${address(from)}`,
      `To: ${address(message.to)}`,
      `Subject: ${headerText(message.subject)}`,
      `Date: ${now.toUTCString()}`,
      `Message-ID: <${randomBytes(12).toString('hex')}@${domain}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
    ].join('\r\n') +
    '\r\n\r\n' +
    body +
    '.\r\n'
  )
}

/**
 * A mailer that sends each message over its own SMTP connection. A password is only ever sent
 * over TLS (smtps:, or after STARTTLS).
 * @example createSmtpMailer({ url: 'smtp://user:secret@mail.example.org:587', from: 'newsroom@example.org' })
 */
export function createSmtpMailer({ url, from }: { url: string; from: string }): Mailer {
  const target = new URL(url)
  const implicitTls = target.protocol === 'smtps:'
  const host = target.hostname.replace(/^\[|\]$/g, '')
  const port = Number(target.port || (implicitTls ? 465 : 587))
  const user = decodeURIComponent(target.username)
  const password = decodeURIComponent(target.password)

  return {
    delivers: true,
    send: async (message) => {
      const socket = implicitTls
        ? tls.connect({ host, port, servername: host })
        : net.connect({ host, port })
      const smtp = new Conversation(socket)
      try {
        await smtp.read([220])
        let hello = await smtp.command(`EHLO ${hostname() || 'localhost'}`, [250])
        let secure = implicitTls
        if (!secure && hello.lines.some((line) => /^STARTTLS\b/i.test(line))) {
          await smtp.command('STARTTLS', [220])
          await smtp.upgrade(host)
          secure = true
          hello = await smtp.command(`EHLO ${hostname() || 'localhost'}`, [250])
        }
        if (user !== '') {
          if (!secure) throw new Error('the SMTP server offers no TLS: the password is not sent')
          const plain = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64')
          await smtp.command(`AUTH PLAIN ${plain}`, [235])
        }
        await smtp.command(`MAIL FROM:<${address(from)}>`, [250])
        await smtp.command(`RCPT TO:<${address(message.to)}>`, [250, 251])
        await smtp.command('DATA', [354])
        await smtp.data(formatMessage(from, message, new Date()), [250])
        await smtp.command('QUIT', [221]).catch(() => undefined)
      } finally {
        smtp.close()
      }
    },
  }
}
