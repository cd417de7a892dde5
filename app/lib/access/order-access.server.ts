import { createHmac } from 'node:crypto'
import { createCookie } from 'react-router'
import { z } from 'zod'
import { getEnv } from '~/lib/env.server'
import { isHttpsRequest } from '~/lib/security/cookie-security'
import { decodeCanonicalBase64url, matchesAnyConstantTime } from '~/lib/security/signature.server'

// Proof of access to a buyer's orders without an account: an HMAC over (email, expiry). The order
// page link from an email carries one; the order page moves it into a cookie, which the download
// and license PDF routes read. Bound to one address; signed with SESSION_SECRET (rotation: the
// first secret signs, every listed one verifies).

export const ORDER_LINK_TTL_MS = 30 * 60 * 1000
const PURPOSE = 'beatstall:order-access:v1'
const SIGNATURE_BYTES = 32
const BASE64URL = /^[A-Za-z0-9_-]+$/

const PayloadSchema = z.object({ e: z.string().min(3).max(320), x: z.number().int().positive() })

export type AccessCheck =
  | { ok: true; email: string; expiresAt: Date }
  /** `email` is known for an expired (but genuine) token, so the page can offer a fresh link. */
  | { ok: false; reason: 'missing' | 'invalid' }
  | { ok: false; reason: 'expired'; email: string }

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}.${payload}`).digest()
}

export function createOrderAccessToken(email: string, { now = new Date(), ttlMs = ORDER_LINK_TTL_MS } = {}) {
  const expiresAt = new Date(now.getTime() + ttlMs)
  const payload = Buffer.from(
    JSON.stringify({ e: normalizeEmail(email), x: Math.floor(expiresAt.getTime() / 1000) }),
  ).toString('base64url')
  const sig = sign(payload, getEnv().SESSION_SECRETS[0]!).toString('base64url')
  return { token: `${payload}.${sig}`, expiresAt }
}

export function verifyOrderAccessToken(token: string | null | undefined, now = new Date()): AccessCheck {
  if (!token) return { ok: false, reason: 'missing' }
  const [payload, sig, extra] = token.split('.')
  if (!payload || !sig || extra !== undefined || token.length > 2000) return { ok: false, reason: 'invalid' }
  // Only the canonical spelling of the signature; the payload is signed as written, so it must be
  // plain base64url too (no padding, nothing outside the alphabet).
  const given = decodeCanonicalBase64url(sig, SIGNATURE_BYTES)
  if (!given || !BASE64URL.test(payload)) return { ok: false, reason: 'invalid' }
  if (!matchesAnyConstantTime(given, getEnv().SESSION_SECRETS.map((secret) => sign(payload, secret)))) {
    return { ok: false, reason: 'invalid' }
  }
  let parsed: z.infer<typeof PayloadSchema>
  try {
    parsed = PayloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  const expiresAt = new Date(parsed.x * 1000)
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', email: parsed.e }
  return { ok: true, email: parsed.e, expiresAt }
}

/** The absolute order-page link put in emails (receipt, "your order link"). */
export function orderPageLink(email: string, now = new Date()): string {
  const { token } = createOrderAccessToken(email, { now })
  return `${getEnv().APP_URL}/orders/view?token=${encodeURIComponent(token)}`
}

// The cookie only carries the signed token; its own expiry mirrors the token's.
const accessCookie = createCookie('bs_order_access', { path: '/', httpOnly: true, sameSite: 'lax' })

export async function accessCookieHeader(request: Request, token: string, expiresAt: Date): Promise<string> {
  return accessCookie.serialize(token, { expires: expiresAt, secure: isHttpsRequest(request) })
}

export async function readAccess(request: Request, now = new Date()): Promise<AccessCheck> {
  const raw: unknown = await accessCookie.parse(request.headers.get('Cookie'))
  return verifyOrderAccessToken(typeof raw === 'string' ? raw : null, now)
}
