import { writeFileSync } from 'node:fs'
import { deflateRawSync } from 'node:zlib'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { getLocalStorage } from '~/lib/storage/index.server'
import { inspectZip, STEMS_ZIP_LIMITS } from '~/lib/studio/file-inspect.server'
import * as upload from '~/routes/studio.beats.$id.upload.$kind'
import { makeBeat } from '../factories'
import { makePng, makeSignedInProducer, makeWav, makeZip, uploadRequest } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

// Files a buyer would regret: a stems zip that unpacks to a gigabyte, a 1×1 cover, a PNG with a
// web page appended. Stems are checked by declared sizes, inflate ratio and by inflating every
// entry once; covers must be at least 500×500 and are re-encoded so only pixels are stored.

let producer: Awaited<ReturnType<typeof makeSignedInProducer>>
beforeAll(async () => {
  producer = await makeSignedInProducer()
})

async function newBeat() {
  return (await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })).id
}

function sendFile(beatId: string, kind: string, file: Buffer, filename: string) {
  const request = uploadRequest(`/studio/beats/${beatId}/upload/${kind}`, file, filename, { cookie: producer.cookie })
  return run(() => upload.action(routeArgs(request, { id: beatId, kind })))
}

const errorOf = (res: { data: unknown }) => (res.data as { error?: string }).error ?? ''

function tempFile(name: string, bytes: Buffer) {
  const file = path.join(process.env.DATA_DIR!, name)
  writeFileSync(file, bytes)
  return file
}

/** Offsets of every central-directory record and of every local header in a zip. */
function records(zip: Buffer) {
  const find = (sig: number[]) => {
    const out: number[] = []
    for (let i = zip.indexOf(Buffer.from(sig)); i >= 0; i = zip.indexOf(Buffer.from(sig), i + 4)) out.push(i)
    return out
  }
  return { central: find([0x50, 0x4b, 0x01, 0x02]), local: find([0x50, 0x4b, 0x03, 0x04]) }
}

/** A copy of a one-entry zip whose headers declare `declared` unpacked bytes (a lie or the truth). */
function declaring(original: Buffer, declared: number) {
  const zip = Buffer.from(original)
  const { central, local } = records(zip)
  zip.writeUInt32LE(declared, central[0]! + 24)
  zip.writeUInt32LE(declared, local[0]! + 22)
  return zip
}

const zipDeclaring = async (data: Buffer, declared: number) => declaring(await makeZip([{ name: 'kick.wav', data }]), declared)

describe('stems zip bombs', () => {
  it('caps the declared total at 2 GiB and the inflate ratio at 100:1', () => {
    expect(STEMS_ZIP_LIMITS).toMatchObject({ maxTotalUncompressed: 2 * 1024 ** 3, maxRatio: 100 })
  })

  it('refuses a 1 KB zip that declares 1 GiB of audio (inflate ratio), and stores nothing', async () => {
    const zip = await zipDeclaring(makeWav(0.05), 1024 ** 3)
    expect(zip.length).toBeLessThan(2048)
    const beatId = await newBeat()
    const res = await sendFile(beatId, 'stems', zip, 'stems.zip')
    expect(res.status).toBe(422)
    expect(errorOf(res)).toMatch(/100 times its own size.*zip bomb/)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })

  it('refuses a real 1 KB → 1 GiB deflate stream even when its headers declare a harmless size', async () => {
    // 64 MiB of zeros deflates to ~64 KB; the headers say 400 KB (ratio ~6, under every cap), so
    // only inflating the entry finds out. The same holds at 1 GiB, just slower to build here.
    const zeros = Buffer.alloc(64 * 1024 ** 2)
    const honest = deflateRawSync(zeros)
    expect(zeros.length / honest.length).toBeGreaterThan(500)
    const deflated = await makeZip([{ name: 'kick.wav', data: zeros }])
    for (const declared of [400 * 1024, 0]) {
      const file = tempFile(`lying-${declared}.zip`, declaring(deflated, declared))
      await expect(inspectZip(file)).rejects.toThrow(/does not match its declared size.*zip bomb/)
    }
  })

  it('still accepts ordinary stems (audio barely compresses)', async () => {
    const wav = makeWav(2, 22_050)
    const noisy = Buffer.from(wav)
    for (let i = 44; i < noisy.length; i++) noisy[i] = (noisy[i]! + ((i * 2654435761) >>> 27)) & 0xff
    const zip = await makeZip([{ name: 'drums.wav', data: wav }, { name: 'hats.wav', data: noisy }, { name: 'keys.wav', data: wav, compress: false }])
    const res = await sendFile(await newBeat(), 'stems', zip, 'stems.zip')
    expect(res.status).toBe(200)
  })
})

describe('covers', () => {
  it('refuses a 1×1 cover and a 499×800 one with the size it needs', async () => {
    const beatId = await newBeat()
    const tiny = await sendFile(beatId, 'cover', await makePng(1), 'cover.png')
    expect(tiny.status).toBe(422)
    expect(errorOf(tiny)).toMatch(/1×1 pixels.*at least 500×500/)
    const narrow = await sharp({ create: { width: 499, height: 800, channels: 3, background: '#335' } }).jpeg().toBuffer()
    const res = await sendFile(beatId, 'cover', narrow, 'cover.jpg')
    expect(res.status).toBe(422)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })

  it('stores a PNG with HTML appended as pixels only, still a PNG, with the stored size and hash', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>')
    const poisoned = Buffer.concat([await makePng(640), html])
    const beatId = await newBeat()
    const res = await sendFile(beatId, 'cover', poisoned, 'cover.png')
    expect(res.status).toBe(200)
    const row = await prisma.beatFile.findFirstOrThrow({ where: { beatId, kind: 'COVER' }, select: { storageKey: true, bytes: true, sha256: true, contentType: true } })
    const { readFileSync } = await import('node:fs')
    const stored = readFileSync(getLocalStorage().pathFor(row.storageKey))
    expect(stored.includes(Buffer.from('<script'))).toBe(false)
    expect(stored.includes(Buffer.from('<html'))).toBe(false)
    expect(row.contentType).toBe('image/png')
    expect(row.bytes).toBe(stored.length)
    const { createHash } = await import('node:crypto')
    expect(row.sha256).toBe(createHash('sha256').update(stored).digest('hex'))
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'png', width: 640, height: 640 })
  })

  it('drops EXIF (a phone photo\'s location) from a JPEG cover and keeps it a JPEG', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a53' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'secret-location-marker' } })
      .toBuffer()
    expect(photo.includes(Buffer.from('secret-location-marker'))).toBe(true)
    const beatId = await newBeat()
    expect((await sendFile(beatId, 'cover', photo, 'cover.jpg')).status).toBe(200)
    const row = await prisma.beatFile.findFirstOrThrow({ where: { beatId, kind: 'COVER' }, select: { storageKey: true, contentType: true } })
    const { readFileSync } = await import('node:fs')
    const stored = readFileSync(getLocalStorage().pathFor(row.storageKey))
    expect(row.contentType).toBe('image/jpeg')
    expect(stored.includes(Buffer.from('secret-location-marker'))).toBe(false)
  })

  it('refuses bytes that pass the magic-number sniff but do not decode', async () => {
    const noise = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .png()
      .toBuffer()
    // Cut off mid-image: the head still sniffs as PNG, the pixels are not all there.
    const broken = noise.subarray(0, Math.floor(noise.length / 2))
    const res = await sendFile(await newBeat(), 'cover', broken, 'cover.png')
    expect(res.status).toBe(422)
  })
})
