/** The SMTP mailer against a small SMTP server on a loopback port: the conversation, the message, and no password without TLS. */

import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, describe, test } from 'node:test'
import { createLogMailer } from '../../../src/infra/mail/log.js'
import { createSmtpMailer, formatMessage } from '../../../src/infra/mail/smtp.js'
import { createLogger } from '../../../src/infra/logger.js'

/** What the server received in one session. */
interface Session {
  commands: string[]
  data: string
}

describe('SMTP mailer', () => {
  const sessions: Session[] = []
  let server: net.Server
  let port = 0

  before(async () => {
    server = net.createServer((socket) => {
      const session: Session = { commands: [], data: '' }
      sessions.push(session)
      let inData = false
      let buffer = ''
      socket.setEncoding('utf8')
      socket.write('220 test.invalid ESMTP ready\r\n')
      socket.on('data', (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\r\n')) !== -1) {
          const line = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (inData) {
            if (line === '.') {
              inData = false
              socket.write('250 2.0.0 queued\r\n')
            } else session.data += `${line}\r\n`
            continue
          }
          session.commands.push(line)
          if (line.startsWith('EHLO'))
            socket.write('250-test.invalid\r\n250-SIZE 1000000\r\n250 8BITMIME\r\n')
          else if (line === 'DATA') {
            inData = true
            socket.write('354 go ahead\r\n')
          } else if (line === 'QUIT') {
            socket.write('221 bye\r\n')
            socket.end()
          } else if (line.startsWith('RCPT TO:<refused')) socket.write('550 5.1.1 no such user\r\n')
          else socket.write('250 ok\r\n')
        }
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as net.AddressInfo).port
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  test('sends one message: EHLO, MAIL FROM, RCPT TO, DATA with a base64 UTF-8 body, QUIT', async () => {
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'desk@example.org' })
    assert.equal(mailer.delivers, true)
    await mailer.send({
      to: 'reporter@example.org',
      subject: 'Réinitialiser le mot de passe',
      text: 'Bonjour Zoë,\nopen https://news.example.org/newsroom/reset-password/abc\n.\n',
    })
    const session = sessions.at(-1)
    assert.ok(session)
    assert.deepEqual(
      session.commands.map((c) => c.split(' ')[0]),
      ['EHLO', 'MAIL', 'RCPT', 'DATA', 'QUIT'],
    )
    assert.equal(session.commands[1], 'MAIL FROM:<desk@example.org>')
    assert.equal(session.commands[2], 'RCPT TO:<reporter@example.org>')
    const [head = '', body = ''] = session.data.split('\r\n\r\n')
    assert.match(head, /^From: desk@example\.org$/m)
    assert.match(head, /^To: reporter@example\.org$/m)
    assert.match(head, /^Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/m)
    assert.match(head, /^Content-Type: text\/plain; charset=utf-8$/m)
    assert.equal(
      Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8'),
      'Bonjour Zoë,\r\nopen https://news.example.org/newsroom/reset-password/abc\r\n.\r\n',
    )
  })

  test('a refused recipient rejects with the server’s answer', async () => {
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'desk@example.org' })
    await assert.rejects(mailer.send({ to: 'refused@example.org', subject: 'x', text: 'y' }), /550/)
  })

  test('a password is never sent to a server without TLS', async () => {
    const before = sessions.length
    const mailer = createSmtpMailer({
      url: `smtp://user:secret@127.0.0.1:${port}`,
      from: 'desk@example.org',
    })
    await assert.rejects(mailer.send({ to: 'a@example.org', subject: 'x', text: 'y' }), /no TLS/)
    const session = sessions[before]
    assert.ok(session)
    assert.ok(!session.commands.some((c) => c.startsWith('AUTH')), 'no AUTH command was sent')
  })

  test('line breaks cannot smuggle headers in', () => {
    assert.throws(() =>
      formatMessage(
        'desk@example.org',
        { to: 'a@example.org', subject: 'Hi\r\nBcc: x@y.z', text: '' },
        new Date(),
      ),
    )
    assert.throws(() =>
      formatMessage(
        'desk@example.org',
        { to: 'a@example.org>\r\nRCPT TO:<b@example.org', subject: '', text: '' },
        new Date(),
      ),
    )
  })

  test('without SMTP the message, link included, goes to the log', async () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'info' })
    const child = Object.assign(Object.create(logger) as typeof logger, {
      info: (object: unknown, message: string) =>
        void lines.push(`${message} ${JSON.stringify(object)}`),
    })
    const mailer = createLogMailer(child)
    assert.equal(mailer.delivers, false)
    await mailer.send({
      to: 'a@example.org',
      subject: 'Reset',
      text: 'https://x.example/newsroom/reset-password/t',
    })
    assert.equal(lines.length, 1)
    assert.match(lines[0] ?? '', /reset-password\/t/)
  })
})
