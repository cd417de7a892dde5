import { readdir } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { coverVersionOf } from '~/lib/images/cover-sizes'
import { coverVariantKey, writeCoverVariants } from '~/lib/images/cover-variants.server'
import { getLocalStorage, getStorage } from '~/lib/storage/index.server'
import { beatFileKey } from '~/lib/storage/keys'
import { upsertBeatFile } from '~/models/beat/files.server'
import { loader as coverLoader } from '~/routes/media.cover.$beatId'
import { makeBeat } from '../factories'

// Resized covers: made at upload or on first request, served by width with a versioned URL.

type Args = Parameters<typeof coverLoader>[0]
const get = (beatId: string, query: string) =>
  coverLoader({ request: new Request(`http://store.test/media/cover/${beatId}${query}`), params: { beatId }, context: {} } as unknown as Args)

async function beatWithCover(size = 600) {
  const beat = await makeBeat({ withFiles: false })
  const png = await sharp({ create: { width: size, height: size, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer()
  const key = beatFileKey(beat.id, 'COVER')
  const stored = await getStorage().put(key, png, { kind: 'COVER', contentType: 'image/png' })
  await upsertBeatFile(beat.id, { kind: 'COVER', storageKey: key, contentType: 'image/png', bytes: stored.bytes, sha256: stored.sha256 })
  return { beat, png, version: coverVersionOf(stored.sha256) }
}

describe('GET /media/cover/:beatId?w=…&v=…', () => {
  it('serves a WebP of the asked width, made on first request, cached for a year under the current version', async () => {
    const { beat, version } = await beatWithCover()
    const res = await get(beat.id, `?v=${version}&w=320`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/webp')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
    expect(meta.format).toBe('webp')
    expect(meta.width).toBe(320)
    expect(await getLocalStorage().exists(coverVariantKey(beat.id, version, 320))).toBe(true)
  })

  it('never enlarges, and caches an outdated or missing version only briefly', async () => {
    const { beat } = await beatWithCover(500)
    const res = await get(beat.id, '?v=000000000000&w=640')
    expect(res.headers.get('cache-control')).not.toContain('immutable')
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(500)
    expect((await get(beat.id, '?w=96')).headers.get('cache-control')).not.toContain('immutable')
  })

  it('refuses an unknown width with a 400 that says why, and answers any other version briefly', async () => {
    const { beat, version } = await beatWithCover()
    for (const q of ['?w=321', '?w=abc', '?w=', `?v=${version}&w=10000`]) {
      const res = await get(beat.id, q)
      expect(res.status, q).toBe(400)
      expect(await res.text()).toBe('The cover width (w) must be one of 96, 192, 320, 480, 640 pixels.')
    }
    const other = await get(beat.id, '?v=../../etc&w=96')
    expect(other.status).toBe(200)
    expect(other.headers.get('cache-control')).not.toContain('immutable')
  })
})

describe('writeCoverVariants', () => {
  it('writes every width beside the original and removes those of the previous cover', async () => {
    const { beat, png, version } = await beatWithCover()
    await writeCoverVariants(beat.id, png, version)
    const dir = path.dirname(getLocalStorage().pathFor(beatFileKey(beat.id, 'COVER')))
    const first = (await readdir(dir)).filter((n) => n.endsWith('.webp')).sort()
    expect(first).toEqual([96, 192, 320, 480, 640].map((w) => `cover-${version}-${w}.webp`).sort())
    await writeCoverVariants(beat.id, png, 'abcdefabcdef')
    const second = (await readdir(dir)).filter((n) => n.endsWith('.webp'))
    expect(second.every((n) => n.startsWith('cover-abcdefabcdef-'))).toBe(true)
    expect(second).toHaveLength(5)
  })
})
