import { v2 as cloudinary } from 'cloudinary'
import { describe, expect, it } from 'vitest'
import { accessCookieHeader, createOrderAccessToken } from '~/lib/access/order-access.server'
import { reloadEnv } from '~/lib/env.server'
import { upsertBeatFile } from '~/models/beat/files.server'
import { loader as downloadLoader } from '~/routes/downloads.$itemId.$kind'
import { makeBeat } from '../factories'
import { makePaidOrder } from '../factories-orders'
import { callRoute } from '../utils/route'

// With CLOUDINARY_URL set, an allowed download redirects to Cloudinary's private_download_url.
// Re-signing its query with the API secret proves the link is genuine and carries the right
// expiry (pure computation; no request leaves the machine).

const API_SECRET = 'test_api_secret_not_real'
process.env.CLOUDINARY_URL = `cloudinary://123456789012345:${API_SECRET}@beatstall-test`
reloadEnv()

const EMAIL = 'cloud@example.test'

async function redirectFor(kind: 'mp3' | 'wav' | 'stems') {
  const beat = await makeBeat({ title: 'Cloud Nine', withFiles: false })
  const ext = { mp3: 'mp3', wav: 'wav', stems: 'zip' }[kind]
  const kindUpper = kind.toUpperCase() as 'MP3' | 'WAV' | 'STEMS'
  await upsertBeatFile(beat.id, {
    kind: kindUpper,
    storageKey: `beats/${beat.id}/${kind}.${ext}`,
    contentType: kind === 'stems' ? 'application/zip' : kind === 'wav' ? 'audio/wav' : 'audio/mpeg',
    bytes: 1000,
    sha256: '0'.repeat(64),
  })
  const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'TRACKOUT', beatId: beat.id }] })
  const { token, expiresAt } = createOrderAccessToken(EMAIL)
  const cookie = (await accessCookieHeader(new Request('http://store.test/'), token, expiresAt)).split(';')[0]!
  const itemId = order.items[0]!.id
  const request = new Request(`http://store.test/downloads/${itemId}/${kind}`, { headers: { Cookie: cookie } })
  const before = Math.floor(Date.now() / 1000)
  const res = await callRoute(downloadLoader, request, { itemId, kind }, '127.0.0.1')
  return { res, beat, before }
}

function resign(url: URL) {
  const params: Record<string, string> = {}
  for (const [k, v] of url.searchParams) if (k !== 'signature' && k !== 'api_key') params[k] = v
  return cloudinary.utils.api_sign_request(params, API_SECRET)
}

describe('Cloudinary download links', () => {
  it.each([
    ['wav', 'video', 'wav'],
    ['mp3', 'video', 'mp3'],
    ['stems', 'raw', ''],
  ] as const)('%s: a genuine private_download_url (resource_type %s) expiring in 10 minutes, as an attachment', async (kind, resourceType, format) => {
    const { res, beat, before } = await redirectFor(kind)
    expect(res.status).toBe(302)
    const url = new URL(res.headers.get('Location')!)
    expect(url.origin).toBe('https://api.cloudinary.com')
    expect(url.pathname).toBe(`/v1_1/beatstall-test/${resourceType}/download`)
    expect(url.searchParams.get('api_key')).toBe('123456789012345')
    expect(url.searchParams.get('type')).toBe('authenticated')
    expect(url.searchParams.get('attachment')).toBe('true')
    expect(url.searchParams.get('public_id')).toBe(kind === 'stems' ? `beats/${beat.id}/stems.zip` : `beats/${beat.id}/${kind}`)
    expect(url.searchParams.get('format') ?? '').toBe(format)
    const expiresAt = Number(url.searchParams.get('expires_at'))
    expect(expiresAt).toBeGreaterThanOrEqual(before + 600)
    expect(expiresAt).toBeLessThanOrEqual(before + 602)
    // The signature is Cloudinary's own over exactly these parameters…
    expect(url.searchParams.get('signature')).toBe(resign(url))
    // …so changing the expiry (or anything else) breaks it.
    const extended = new URL(url)
    extended.searchParams.set('expires_at', String(expiresAt + 3600))
    expect(extended.searchParams.get('signature')).not.toBe(resign(extended))
  })
})
