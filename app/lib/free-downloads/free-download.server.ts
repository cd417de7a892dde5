import { createHash, randomBytes } from 'node:crypto'
import { contractSha256 } from '~/lib/contracts/hash.server'
import { getEnv } from '~/lib/env.server'
import { NotFoundError } from '~/lib/errors'
import { button, escapeHtml } from '~/lib/mail/templates.server'
import { createRateLimit } from '~/lib/security/rate-limit.server'
import { prisma } from '~/models/db.server'
import {
  confirmFreeDownload,
  findFreeBeatBySlug,
  findFreeDownloadByTokenHash,
  insertFreeDownload,
  unsubscribeFreeDownload,
} from '~/models/free-download.server'
import { queueEmail } from '~/models/outbox-email.server'
import { renderFreeLicense } from './free-license'

// Free downloads for an email: the request records the address and queues a confirmation link in
// one transaction; the file and the frozen free license come only after the link is opened.

export const FREE_LIMITS = {
  perIp: { points: 10, durationSeconds: 60 * 60 },
  perEmail: { points: 3, durationSeconds: 60 * 60 },
} as const

const perIp = createRateLimit({ name: 'free-download-ip', ...FREE_LIMITS.perIp })
const perEmail = createRateLimit({ name: 'free-download-email', ...FREE_LIMITS.perEmail })

const NO_FREE_DOWNLOAD = 'This beat is not offered as a free download.'

export function hashFreeToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Records a request and queues the confirmation email. Answers nothing about the address (known or
 * not, it is the same work and the same reply). Returns the token (tests, tooling).
 */
export async function requestFreeDownload(slug: string, input: { email: string; consent: boolean }, ip: string): Promise<string> {
  const beat = await findFreeBeatBySlug(slug)
  if (!beat) throw new NotFoundError(NO_FREE_DOWNLOAD)
  await perIp.consume(`ip:${ip}`, 'Too many free download requests from this connection. Try again in an hour.')
  await perEmail.consume(`email:${input.email}`, 'We sent links to this address a few times already. Check your inbox, or try again in an hour.')
  const token = randomBytes(32).toString('base64url')
  const appUrl = getEnv().APP_URL
  const confirmUrl = `${appUrl}/free/confirm/${token}`
  const unsubscribeUrl = `${appUrl}/free/unsubscribe/${token}`
  const producer = beat.producer.displayName
  await prisma.$transaction(async (tx) => {
    const row = await insertFreeDownload(tx, { beatId: beat.id, producerId: beat.producerId, email: input.email, consent: input.consent, tokenHash: hashFreeToken(token) })
    await queueEmail(tx, {
      dedupeKey: `free-download:${row.id}`,
      kind: 'free-download-confirm',
      to: input.email,
      subject: `Confirm your email to download “${beat.title}”`,
      text: [
        'Hi,',
        '',
        `Someone (hopefully you) asked for a free download of “${beat.title}” by ${producer} at Beatstall.`,
        'Open this link to confirm your address and get the file and its free license:',
        confirmUrl,
        '',
        'If it was not you, ignore this email.',
        '',
        `Stop emails about free downloads from ${producer}: ${unsubscribeUrl}`,
      ].join('\n'),
      html: `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#16161d;max-width:560px;margin:0 auto;padding:24px">
<p>Someone (hopefully you) asked for a free download of <strong>${escapeHtml(beat.title)}</strong> by ${escapeHtml(producer)} at Beatstall.</p>
${button(confirmUrl, 'Confirm and download')}
<p>If it was not you, ignore this email.</p>
<p style="font-size:12px;color:#666"><a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a> from emails about free downloads from ${escapeHtml(producer)}.</p>
</body></html>`,
    })
  })
  return token
}

export interface ConfirmedFreeDownload {
  beatId: string
  beatTitle: string
  producerName: string
  licenseText: string
  licenseSha256: string
  confirmedAt: Date
}

/** Confirms the address behind `token` and freezes the free license; throws NotFoundError for an unknown token. */
export async function confirmFreeDownloadToken(token: string, now = new Date()): Promise<ConfirmedFreeDownload> {
  const tokenHash = hashFreeToken(token)
  const row = await findFreeDownloadByTokenHash(tokenHash)
  if (!row || row.beat.status !== 'PUBLISHED') throw new NotFoundError('This confirmation link is not valid. Ask for the free download again from the beat page.')
  if (!row.confirmedAt) {
    const text = renderFreeLicense({ producerName: row.beat.producer.displayName, email: row.email, beatTitle: row.beat.title, date: now })
    await confirmFreeDownload(row.id, { text, sha256: contractSha256(text) }, now)
  }
  const done = (await findFreeDownloadByTokenHash(tokenHash))!
  return {
    beatId: done.beat.id,
    beatTitle: done.beat.title,
    producerName: done.beat.producer.displayName,
    licenseText: done.licenseText!,
    licenseSha256: done.licenseSha256!,
    confirmedAt: done.confirmedAt!,
  }
}

/** The confirmed row behind `token`, for the license text and the file; null when not confirmed. */
export async function confirmedFreeDownload(token: string) {
  const row = await findFreeDownloadByTokenHash(hashFreeToken(token))
  if (!row?.confirmedAt || row.beat.status !== 'PUBLISHED') return null
  return row
}

export async function freeDownloadExists(token: string): Promise<{ producerName: string; unsubscribed: boolean } | null> {
  const row = await findFreeDownloadByTokenHash(hashFreeToken(token))
  return row ? { producerName: row.beat.producer.displayName, unsubscribed: row.unsubscribedAt !== null } : null
}

export async function unsubscribe(token: string, now = new Date()): Promise<void> {
  if (!(await unsubscribeFreeDownload(hashFreeToken(token), now))) throw new NotFoundError('This unsubscribe link is not valid.')
}
