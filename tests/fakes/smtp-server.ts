import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll } from 'vitest'
import { createSmtpTransport, type MailTransport } from '~/lib/mail/transport.server'

// A real SMTP server on 127.0.0.1 for tests: nodemailer talks real SMTP to it. `stop()` and
// `start()` on the same port simulate an outage and its recovery. `mode` makes a running server
// refuse every message with a temporary 451 ('refuse'), or take a message in and never answer
// ('hang': the sender is left mid-send, as a process killed at that moment would be).

interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

async function startFakeSmtp(port = 0) {
  const received: ReceivedMail[] = []
  const state = { mode: 'accept' as 'accept' | 'refuse' | 'hang' }
  let server: SMTPServer | undefined
  let boundPort = port

  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // A hung session must not hold up stop() for the default 30 s.
      closeTimeout: 200,
      onMailFrom(_address, _session, callback) {
        if (state.mode !== 'refuse') return callback()
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          if (state.mode !== 'hang') callback()
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
    get mode() {
      return state.mode
    },
    set mode(mode: typeof state.mode) {
      state.mode = mode
    },
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

/** The Message-ID header of a received message. */
export function messageIdOf(raw: string): string | undefined {
  return /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1]
}

/** Decodes a quoted-printable body part enough to read links and text in assertions. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
}
