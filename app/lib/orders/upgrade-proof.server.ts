import { createHmac } from 'node:crypto'
import { getEnv } from '~/lib/env.server'
import { decodeCanonicalBase64url, matchesAnyConstantTime } from '~/lib/security/signature.server'

// Proof that the browser asking to upgrade a line was shown it by the order page or the success
// page (the two places with access to an order, there being no buyer accounts). Bound to the line,
// signed with SESSION_SECRET, good for a day; checkout re-checks the line itself as well.

const PURPOSE = 'beatstall:upgrade:v1'
const TTL_MS = 24 * 3600_000

function sign(itemId: string, exp: number, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}.${itemId}.${exp}`).digest()
}

export function createUpgradeProof(itemId: string, now = new Date()): string {
  const exp = Math.floor((now.getTime() + TTL_MS) / 1000)
  return `${exp}.${sign(itemId, exp, getEnv().SESSION_SECRETS[0]!).toString('base64url')}`
}

export function verifyUpgradeProof(itemId: string, proof: string, now = new Date()): boolean {
  const [expText, sig, extra] = proof.split('.')
  if (!expText || !sig || extra !== undefined || !/^\d{1,12}$/.test(expText)) return false
  const exp = Number(expText)
  if (exp * 1000 <= now.getTime()) return false
  const given = decodeCanonicalBase64url(sig, 32)
  if (!given) return false
  return matchesAnyConstantTime(given, getEnv().SESSION_SECRETS.map((secret) => sign(itemId, exp, secret)))
}
