import { createHash, randomBytes } from 'node:crypto'
import { prisma, type Tx } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { queueEmail } from '~/models/outbox-email.server'
import { createRateLimit } from '~/lib/security/rate-limit.server'
import { findResetToken, insertResetToken, spendOpenResetTokens, spendResetToken } from '~/models/password-reset.server'
import { findProducerByEmail, setPasswordAndRevokeSessions } from '~/models/producer.server'
import { insertMailRequest } from '~/models/mail-request.server'
import type { SessionSubject } from './accounts.server'
import { hashPassword } from './password.server'

// Password reset by emailed link. Only the sha256 of the token is stored, so a database leak
// yields no working link; a link lives one hour and works once.

const RESET_TOKEN_TTL_MS = 60 * 60 * 1000

const requestsPerEmail = createRateLimit({ name: 'reset-email', points: 3, durationSeconds: 60 * 60 })
const requestsPerIp = createRateLimit({ name: 'reset-ip', points: 20, durationSeconds: 60 * 60 })

export function hashResetToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Asks for a reset link. Says nothing either way, so the form cannot be used to find out who has an
 * account, and takes the same work either way: it only records the request, and the mail worker
 * looks the address up (queueResetLinkIfProducer).
 */
export async function requestPasswordReset(email: string, ip: string): Promise<void> {
  await requestsPerIp.consume(`ip:${ip}`, 'Too many reset requests. Try again later.')
  await requestsPerEmail.consume(`email:${email}`, 'A reset link was sent recently. Check your inbox, or try again later.')
  await insertMailRequest('password-reset', email)
}

/** Queues a reset link in `tx` if the email belongs to a producer; returns the token (tests, tooling). */
export async function queueResetLinkIfProducer(tx: Tx, email: string): Promise<string | null> {
  const producer = await findProducerByEmail(email, tx)
  if (!producer) return null
  const token = randomBytes(32).toString('base64url')
  const link = `${getEnv().APP_URL}/studio/reset-password?${new URLSearchParams({ token })}`
  const row = await insertResetToken(tx, {
    producerId: producer.id,
    tokenHash: hashResetToken(token),
    expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS),
  })
  await queueEmail(tx, {
    dedupeKey: `password-reset:${row.id}`,
    kind: 'password-reset',
    to: producer.email,
    subject: 'Reset your Beatstall password',
    text: [
      `Hi ${producer.displayName},`,
      '',
      'Someone (hopefully you) asked to reset the password of your Beatstall studio.',
      `Open this link within an hour to choose a new one:`,
      link,
      '',
      'If it was not you, ignore this email: your password stays as it is.',
    ].join('\n'),
    html: `<p>Hi ${escapeHtml(producer.displayName)},</p>
<p>Someone (hopefully you) asked to reset the password of your Beatstall studio. Open this link within an hour to choose a new one:</p>
<p><a href="${escapeHtml(link)}">Choose a new password</a></p>
<p>If it was not you, ignore this email: your password stays as it is.</p>`,
  })
  return token
}

export type TokenState = 'valid' | 'invalid' | 'expired' | 'used'

export async function checkResetToken(token: string): Promise<TokenState> {
  const row = await findResetToken(hashResetToken(token))
  if (!row) return 'invalid'
  if (row.usedAt) return 'used'
  if (row.expiresAt.getTime() <= Date.now()) return 'expired'
  return 'valid'
}

/**
 * Sets the new password if the token is valid; the token (and any other open one) is spent, and
 * the session version moves on, so sessions opened before the reset are signed out.
 */
export async function resetPassword(token: string, newPassword: string): Promise<{ ok: true; producer: SessionSubject } | { ok: false; state: TokenState }> {
  const passwordHash = await hashPassword(newPassword)
  return prisma.$transaction(async (tx) => {
    const row = await findResetToken(hashResetToken(token), tx)
    if (!row) return { ok: false, state: 'invalid' } as const
    if (row.usedAt) return { ok: false, state: 'used' } as const
    if (row.expiresAt.getTime() <= Date.now()) return { ok: false, state: 'expired' } as const
    // Of two concurrent uses, only one still finds the token unspent.
    if (!(await spendResetToken(tx, row.id))) return { ok: false, state: 'used' } as const
    await spendOpenResetTokens(tx, row.producerId)
    const producer = await setPasswordAndRevokeSessions(row.producerId, passwordHash, tx)
    return { ok: true, producer } as const
  })
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
