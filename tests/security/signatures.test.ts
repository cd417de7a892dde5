import { describe, expect, it } from 'vitest'
import { createOrderAccessToken, verifyOrderAccessToken } from '~/lib/access/order-access.server'
import { signLocalFileUrl, verifyLocalFileSignature } from '~/lib/storage/signing.server'

// A signature verifies only in its one canonical base64url spelling: the spellings Node's lenient
// decoder maps to the same bytes are refused.

/** The other base64url character with the same high bits as the last one (the unused low bits differ). */
function flipUnusedBits(sig: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const last = alphabet.indexOf(sig.at(-1)!)
  return sig.slice(0, -1) + alphabet[last ^ 1]!
}

const mutations: [string, (sig: string) => string][] = [
  ['the last character changed in its unused bits', flipUnusedBits],
  ['"=" appended', (sig) => `${sig}=`],
  ['"==" appended', (sig) => `${sig}==`],
  ['"!" inserted', (sig) => `${sig.slice(0, 10)}!${sig.slice(10)}`],
  ['a space inserted', (sig) => `${sig.slice(0, 10)} ${sig.slice(10)}`],
  ['standard base64 characters', (sig) => sig.replaceAll('-', '+').replaceAll('_', '/') + (sig.includes('-') || sig.includes('_') ? '' : '+')],
]

describe('signed file URLs', () => {
  const url = new URL(signLocalFileUrl('beats/x/wav.wav', { expiresAt: new Date(Date.now() + 60_000), filename: 'a.wav' }), 'http://store.test')
  const base = { key: 'beats/x/wav.wav', exp: Number(url.searchParams.get('exp')), name: 'a.wav', sig: url.searchParams.get('sig')! }

  it('verifies the signature as issued', () => {
    expect(verifyLocalFileSignature(base)).toEqual({ ok: true })
    expect(Buffer.from(flipUnusedBits(base.sig), 'base64url')).toEqual(Buffer.from(base.sig, 'base64url'))
  })

  it.each(mutations)('refuses the signature with %s', (_, mutate) => {
    expect(verifyLocalFileSignature({ ...base, sig: mutate(base.sig) })).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('order access tokens', () => {
  const { token } = createOrderAccessToken('buyer@example.test')
  const [payload, sig] = token.split('.') as [string, string]

  it('verifies the token as issued', () => {
    expect(verifyOrderAccessToken(token)).toMatchObject({ ok: true, email: 'buyer@example.test' })
  })

  it.each(mutations)('refuses the token with %s in its signature', (_, mutate) => {
    expect(verifyOrderAccessToken(`${payload}.${mutate(sig)}`)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses a padded or altered payload', () => {
    expect(verifyOrderAccessToken(`${payload}=.${sig}`)).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyOrderAccessToken(`${flipUnusedBits(payload)}.${sig}`)).toEqual({ ok: false, reason: 'invalid' })
  })
})
