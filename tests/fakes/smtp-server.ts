import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll } from 'vitest'
import { createSmtpTransport, type MailTransport } from '~/lib/mail/transport.server'

// A real SMTP server on 127.0.0.1 for tests: nodemailer talks real SMTP to it. `stop()` and
// `start()` on the same port simulate an outage and its recovery.

interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

async function startFakeSmtp(port = 0) {
  const received: ReceivedMail[] = []
  let server: SMTPServer | undefined
  let boundPort = port

  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject)
      server!.listen(boundPort, '127.0.0.1', () => resolve())
    })
    boundPort = (server.server.address() as AddressInfo).port
  }
  await listen()

  return {
    received,
    get port() {
      return boundPort
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`
    },
    /** Stop accepting connections (an outage). */
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
      server = undefined
    },
    /** Listen again on the same port. */
    start: listen,
  }
}

/**
 * For a test file: a fake SMTP server and a nodemailer transport to it, started before the file's
 * tests and closed after them. Read `smtp` and `transport` inside tests (they exist from beforeAll).
 */
export function withFakeSmtp() {
  const context = {} as { smtp: Awaited<ReturnType<typeof startFakeSmtp>>; transport: MailTransport }
  beforeAll(async () => {
    context.smtp = await startFakeSmtp()
    context.transport = createSmtpTransport(context.smtp.url)
  })
  afterAll(async () => {
    context.transport.close()
    await context.smtp.stop()
  })
  return context
}

/** Decodes a quoted-printable body part enough to read links and text in assertions. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
}
