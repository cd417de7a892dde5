import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reloadEnv } from '~/lib/env.server'
import { upsertBeatFile } from '~/models/beat/files.server'
import { loader as coverLoader } from '~/routes/media.cover.$beatId'
import { loader as previewLoader } from '~/routes/media.preview.$beatId'
import { makeBeat } from '../factories'

// With CLOUDINARY_URL set, public media routes redirect to signed Cloudinary delivery URLs.

type Args<L extends (...a: never[]) => unknown> = Parameters<L>[0]
const call = <L extends (args: never) => Promise<Response>>(loader: L, beatId: string) =>
  loader({ request: new Request(`http://store.test/media/x/${beatId}`), params: { beatId }, context: {} } as unknown as Args<L>)

beforeAll(() => {
  process.env.CLOUDINARY_URL = 'cloudinary://123456789012345:test-api-secret-abc@demo-cloud'
  reloadEnv()
})
afterAll(() => {
  delete process.env.CLOUDINARY_URL
  reloadEnv()
})

describe('media routes on Cloudinary', () => {
  it('redirects preview and cover to signed authenticated URLs', async () => {
    const beat = await makeBeat({ withFiles: true })
    await upsertBeatFile(beat.id, { kind: 'COVER', storageKey: `beats/${beat.id}/cover.png`, contentType: 'image/png', bytes: 1, sha256: '0'.repeat(64) })
    const preview = await call(previewLoader, beat.id)
    expect(preview.status).toBe(302)
    expect(preview.headers.get('location')).toMatch(new RegExp(`^https://res\\.cloudinary\\.com/demo-cloud/video/authenticated/s--[\\w-]{8}--/(v1/)?beats/${beat.id}/preview\\.mp3$`))
    const cover = await call(coverLoader, beat.id)
    expect(cover.status).toBe(302)
    expect(cover.headers.get('location')).toContain('/image/authenticated/s--')
    expect((await call(previewLoader, '00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })

  it('resizes a cover with Cloudinary’s own signed transformation, immutable under the current version', async () => {
    const beat = await makeBeat({ withFiles: false })
    await upsertBeatFile(beat.id, { kind: 'COVER', storageKey: `beats/${beat.id}/cover.png`, contentType: 'image/png', bytes: 1, sha256: 'abcdef0123456789'.repeat(4) })
    const request = new Request(`http://store.test/media/cover/${beat.id}?v=abcdef012345&w=192`)
    const res = await coverLoader({ request, params: { beatId: beat.id }, context: {} } as unknown as Args<typeof coverLoader>)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(
      new RegExp(`^https://res\\.cloudinary\\.com/demo-cloud/image/authenticated/s--[\\w-]{8}--/c_limit,f_auto,q_auto,w_192/(v1/)?beats/${beat.id}/cover$`),
    )
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })
})
