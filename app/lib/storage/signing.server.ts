import { createHmac } from 'node:crypto'
import { z } from 'zod'
import { getEnv } from '~/lib/env.server'
import { decodeCanonicalBase64url, matchesAnyConstantTime } from '~/lib/security/signature.server'
import { isValidKey } from './keys'

// HMAC-signed local download URLs: /files/<key>?exp=<unix seconds>&name=<filename>&sig=<hmac>.
// The key is derived from SESSION_SECRET (every listed secret verifies, so rotation keeps links
// alive), under its own label so a file signature can never pass as a cookie signature.

function fileKeys(): Buffer[] {
  return getEnv().SESSION_SECRETS.map((s) => createHmac('sha256', s).update('beatstall:file-url:v1').digest())
}

function sign(secret: Buffer, key: string, exp: number, name: string): string {
  return createHmac('sha256', secret).update(`${key}\n${exp}\n${name}`).digest('base64url')
}

export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/')
}

/** A path (relative to the store's origin) that serves `key` until `expiresAt`. */
export function signLocalFileUrl(key: string, opts: { expiresAt: Date; filename?: string }): string {
  const exp = Math.floor(opts.expiresAt.getTime() / 1000)
  const name = opts.filename ?? ''
  const [secret] = fileKeys()
  if (!secret) throw new Error('No session secret configured')
  const q = new URLSearchParams({ exp: String(exp) })
  if (name) q.set('name', name)
  q.set('sig', sign(secret, key, exp, name))
  return `/files/${encodeKeyPath(key)}?${q.toString()}`
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'invalid' | 'expired' }

const SIGNATURE_BYTES = 32

/**
 * Checks the signature first (so a tampered expiry reads as invalid), then the expiry. Only the
 * canonical base64url spelling of the signature is accepted.
 */
export function verifyLocalFileSignature(
  input: { key: string; exp: number; name: string; sig: string },
  now: Date = new Date(),
): SignatureCheck {
  const given = decodeCanonicalBase64url(input.sig, SIGNATURE_BYTES)
  if (!given) return { ok: false, reason: 'invalid' }
  const expected = fileKeys().map((secret) => Buffer.from(sign(secret, input.key, input.exp, input.name), 'base64url'))
  if (!matchesAnyConstantTime(given, expected)) return { ok: false, reason: 'invalid' }
  if (input.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true }
}

const SignedQuery = z.object({
  exp: z.coerce.number().int().positive(),
  name: z.string().max(300).default(''),
  sig: z.string().min(16).max(200),
})

type SignedFileRequest =
  | { ok: true; key: string; downloadName: string | undefined }
  | { ok: false; status: 401 | 410; message: string }

/** Decides whether /files/<key>?exp=…&name=…&sig=… may be served, with the sentence to show if not. */
export function checkSignedFileRequest(key: string, query: URLSearchParams, now: Date = new Date()): SignedFileRequest {
  const parsed = SignedQuery.safeParse(Object.fromEntries(query))
  if (!isValidKey(key) || !parsed.success) {
    return { ok: false, status: 401, message: 'This download link is incomplete or has been altered. Open your order page to get a fresh link.' }
  }
  const check = verifyLocalFileSignature({ key, ...parsed.data }, now)
  if (check.ok) return { ok: true, key, downloadName: parsed.data.name || undefined }
  return check.reason === 'expired'
    ? { ok: false, status: 410, message: 'This download link has expired (links last 10 minutes). Open your order page to get a fresh link.' }
    : { ok: false, status: 401, message: 'This download link is not valid. Open your order page to get a fresh link.' }
}
