import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { getEnv } from '~/lib/env.server'

// How mail leaves the store: SMTP (nodemailer over SMTP_URL) in production; without SMTP_URL, each
// message is written to DATA_DIR/mail as a .eml (the exact bytes SMTP would carry) plus a .json
// summary that the development mailbox page lists.

interface OutgoingMail {
  /** Outbox row id; with `resends`, the Message-ID, so a retried delivery is recognisable as the same message. */
  id: string
  /** Deliberate resends of the row: each is a new message (a receiver must not drop it as a copy). */
  resends?: number
  to: string
  subject: string
  text: string
  html: string
  /** Files sent with the message (the receipt's license PDFs). */
  attachments?: { filename: string; content: Buffer; contentType: string }[]
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

export interface DevMailSummary {
  id: string
  to: string
  from: string
  subject: string
  text: string
  html: string
  sentAt: string
}

export function devMailDir(): string {
  return path.resolve(getEnv().DATA_DIR, 'mail')
}

/** `<outbox-id@host>`, and `<outbox-id.n@host>` for the n-th resend: stable across retries. */
function messageIdFor(mail: Pick<OutgoingMail, 'id' | 'resends'>, host: string): string {
  return `<${mail.id}${mail.resends ? `.${mail.resends}` : ''}@${host}>`
}

function messageOptions(mail: OutgoingMail) {
  const env = getEnv()
  const host = new URL(env.APP_URL).hostname || 'beatstall.localhost'
  return {
    from: env.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdFor(mail, host),
    ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
  }
}

export function createSmtpTransport(url: string): MailTransport {
  // Short timeouts: a dead SMTP server should fail the attempt quickly and let the outbox retry.
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  })
  return {
    async send(mail) {
      await transporter.sendMail(messageOptions(mail))
    },
    close: () => transporter.close(),
  }
}

export function createFileTransport(dir = devMailDir()): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    async send(mail) {
      const options = messageOptions(mail)
      const info = await transporter.sendMail(options)
      await mkdir(dir, { recursive: true })
      const sentAt = new Date().toISOString()
      // Sortable names; written to a temp name then renamed, so the mailbox never reads half a file.
      const base = `${sentAt.replace(/[:.]/g, '-')}_${mail.id}`
      const summary: DevMailSummary = { id: base, to: mail.to, from: options.from, subject: mail.subject, text: mail.text, html: mail.html, sentAt }
      await writeFile(path.join(dir, `${base}.eml`), info.message as Buffer)
      await writeFile(path.join(dir, `${base}.json.tmp`), JSON.stringify(summary, null, 2))
      await rename(path.join(dir, `${base}.json.tmp`), path.join(dir, `${base}.json`))
    },
    close: () => {},
  }
}

export function createMailTransport(): MailTransport {
  const url = getEnv().SMTP_URL
  return url ? createSmtpTransport(url) : createFileTransport()
}
