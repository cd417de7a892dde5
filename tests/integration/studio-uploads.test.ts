import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { inspectZip } from '~/lib/studio/file-inspect.server'
import * as upload from '~/routes/studio.beats.$id.upload.$kind'
import { makeBeat } from '../factories'
import {
  makeMp3,
  makePng,
  makeSignedInProducer,
  makeWav,
  makeZip,
  multipartBody,
  ORIGIN,
  uploadRequest,
} from '../factories-studio'
import { routeArgs, run } from '../utils/route'

const dataDir = () => process.env.DATA_DIR!

/** Every regular file under DATA_DIR/uploads and DATA_DIR/files (staging and stored). */
function storedFiles(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(path.relative(dataDir(), full))
    }
  }
  walk(path.join(dataDir(), 'uploads'))
  walk(path.join(dataDir(), 'files'))
  return out
}

let producer: Awaited<ReturnType<typeof makeSignedInProducer>>
let mp3: Buffer
let wav: Buffer
beforeAll(async () => {
  producer = await makeSignedInProducer()
  mp3 = await makeMp3(1)
  wav = makeWav(0.5)
})

async function newBeat() {
  return (await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })).id
}

function send(beatId: string, kind: string, request: Request) {
  return run(() => upload.action(routeArgs(request, { id: beatId, kind })))
}

function sendFile(beatId: string, kind: string, file: Buffer, filename: string) {
  return send(beatId, kind, uploadRequest(`/studio/beats/${beatId}/upload/${kind}`, file, filename, { cookie: producer.cookie }))
}

/** A request whose body is produced chunk by chunk; `pulled()` tells how much the server read. */
function streamingRequest(beatId: string, kind: string, parts: { head: Buffer; fill: number; chunk?: number; fail?: boolean; contentLength?: number }) {
  const { body } = multipartBody(Buffer.alloc(0), 'x')
  const boundaryLine = body.subarray(0, body.indexOf('\r\n\r\n') + 4)
  const boundary = boundaryLine.toString().split('\r\n')[0]!.slice(2)
  const chunk = parts.chunk ?? 64 * 1024
  let sent = 0
  let pulledBytes = 0
  let stage = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 0) {
        const first = Buffer.concat([boundaryLine, parts.head])
        pulledBytes += first.length
        controller.enqueue(first)
        stage = 1
        return
      }
      if (sent < parts.fill) {
        const n = Math.min(chunk, parts.fill - sent)
        sent += n
        pulledBytes += n
        controller.enqueue(Buffer.alloc(n, 7))
        return
      }
      if (parts.fail) controller.error(new Error('connection reset'))
      else {
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`))
        controller.close()
      }
    },
  }, { highWaterMark: 0 })
  const request = new Request(`${ORIGIN}/studio/beats/${beatId}/upload/${kind}`, {
    method: 'POST',
    headers: {
      Cookie: producer.cookie,
      Origin: ORIGIN,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      ...(parts.contentLength ? { 'Content-Length': String(parts.contentLength) } : {}),
    },
    body: stream,
    duplex: 'half',
  } as RequestInit)
  return { request, pulled: () => pulledBytes }
}

describe('uploads checked by their bytes', () => {
  it('stores a real MP3 preview with its sha256 and duration, leaving no staging file', async () => {
    const beatId = await newBeat()
    const res = await sendFile(beatId, 'preview', mp3, 'my preview.mp3')
    expect(res.status).toBe(200)
    const file = await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } } })
    expect(file.sha256).toBe(createHash('sha256').update(mp3).digest('hex'))
    expect(file.bytes).toBe(mp3.length)
    expect(file.contentType).toBe('audio/mpeg')
    expect(file.originalName).toBe('my preview.mp3')
    expect(file.durationMs).toBeGreaterThan(800)
    expect(file.durationMs).toBeLessThan(1300)
    expect(file.storageKey).toBe(`beats/${beatId}/preview.mp3`)
    expect(readFileSync(path.join(dataDir(), 'files', file.storageKey)).equals(mp3)).toBe(true)
    expect(storedFiles().filter((f) => f.startsWith('uploads'))).toEqual([])
  })

  it('stores a WAV, a stems zip and a PNG cover; a second upload replaces the first', async () => {
    const beatId = await newBeat()
    expect((await sendFile(beatId, 'wav', wav, 'beat.wav')).status).toBe(200)
    const stems = await makeZip([{ name: 'drums.wav', data: wav }, { name: 'bass/bass.wav', data: wav }, { name: '__MACOSX/._drums.wav', data: Buffer.from('x') }])
    expect((await sendFile(beatId, 'stems', stems, 'stems.zip')).status).toBe(200)
    expect((await sendFile(beatId, 'cover', await makePng(600), 'cover.png')).status).toBe(200)
    const wav2 = makeWav(0.25)
    expect((await sendFile(beatId, 'wav', wav2, 'beat-v2.wav')).status).toBe(200)
    const files = await prisma.beatFile.findMany({ where: { beatId }, select: { kind: true, durationMs: true, contentType: true, originalName: true } })
    expect(files).toHaveLength(3)
    expect(files.find((f) => f.kind === 'WAV')).toMatchObject({ contentType: 'audio/wav', originalName: 'beat-v2.wav', durationMs: 250 })
    expect(files.find((f) => f.kind === 'STEMS')).toMatchObject({ contentType: 'application/zip' })
    expect(files.find((f) => f.kind === 'COVER')).toMatchObject({ contentType: 'image/png' })
  })

  it('refuses a text file renamed to .wav (415) and keeps nothing', async () => {
    const beatId = await newBeat()
    const before = storedFiles()
    const res = await sendFile(beatId, 'wav', Buffer.from('just some notes, definitely not audio\n'.repeat(200)), 'totally-a-beat.wav')
    expect(res.status).toBe(415)
    expect((res.data as { error: string }).error).toMatch(/should be a WAV file/)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
    expect(storedFiles()).toEqual(before)
  })

  it('refuses the wrong kind of real file: a WAV in the MP3 slot, an MP3 as the cover', async () => {
    const beatId = await newBeat()
    expect((await sendFile(beatId, 'mp3', wav, 'beat.mp3')).status).toBe(415)
    expect((await sendFile(beatId, 'cover', mp3, 'cover.png')).status).toBe(415)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })

  it('refuses a WAV header with no audio behind it (422)', async () => {
    const beatId = await newBeat()
    const broken = Buffer.concat([wav.subarray(0, 12), Buffer.alloc(5000, 0)])
    const res = await sendFile(beatId, 'wav', broken, 'broken.wav')
    expect([415, 422]).toContain(res.status)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })

  it('answers 413 from the declared length alone, without reading the body', async () => {
    const beatId = await newBeat()
    const { request, pulled } = streamingRequest(beatId, 'cover', { head: await makePng(), fill: 11 * 1024 * 1024, contentLength: 11 * 1024 * 1024 + 400 })
    const res = await send(beatId, 'cover', request)
    expect(res.status).toBe(413)
    expect((res.data as { error: string }).error).toMatch(/larger than the 10 MB limit/)
    expect(pulled()).toBe(0)
  })

  it('cuts an oversize stream off at the limit (413) and leaves no file behind', async () => {
    const beatId = await newBeat()
    const before = storedFiles()
    const total = 40 * 1024 * 1024
    const { request, pulled } = streamingRequest(beatId, 'cover', { head: await makePng(), fill: total })
    const res = await send(beatId, 'cover', request)
    expect(res.status).toBe(413)
    expect(pulled()).toBeLessThan(12 * 1024 * 1024)
    expect(storedFiles()).toEqual(before)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })

  it('drops an upload cut off mid-way (connection lost, or a body that just stops)', async () => {
    const beatId = await newBeat()
    const before = storedFiles()
    const lost = streamingRequest(beatId, 'wav', { head: wav.subarray(0, 44), fill: 300_000, fail: true })
    const res = await send(beatId, 'wav', lost.request)
    expect(res.status).toBe(422)
    expect((res.data as { error: string }).error).toMatch(/cut off/)

    const { body, contentType } = multipartBody(wav, 'beat.wav')
    const truncated = new Request(`${ORIGIN}/studio/beats/${beatId}/upload/wav`, {
      method: 'POST',
      headers: { Cookie: producer.cookie, Origin: ORIGIN, 'Content-Type': contentType },
      body: body.subarray(0, body.length - 2000),
    })
    expect((await send(beatId, 'wav', truncated)).status).toBe(422)
    expect(storedFiles()).toEqual(before)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })

  // Uploads from another site are refused by the HTTP server before the route runs
  // (studio-uploads-http.test.ts, "cross-site posts").
  it('refuses uploads without a file or to an unknown slot', async () => {
    const beatId = await newBeat()
    const empty = new Request(`${ORIGIN}/x`, { method: 'POST', headers: { Cookie: producer.cookie, Origin: ORIGIN }, body: new FormData() })
    expect((await send(beatId, 'wav', empty)).status).toBe(422)
    expect((await sendFile(beatId, 'exe', wav, 'x.wav')).status).toBe(404)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })
})

describe('stems zip checks (zip bombs and junk)', () => {
  it('refuses a zip whose entries would unpack past the cap (declared sizes)', async () => {
    const zip = await makeZip([{ name: 'a.wav', data: wav }])
    // Patch the central directory's uncompressed size to ~4 GB, as a bomb declares it.
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    zip.writeUInt32LE(0xfffffff0, cd + 24)
    const beatId = await newBeat()
    const res = await sendFile(beatId, 'stems', zip, 'stems.zip')
    expect(res.status).toBe(422)
    expect((res.data as { error: string }).error).toMatch(/zip bomb/)
  })

  it('bounds the real unpacked size too (a highly compressed entry over a small cap)', async () => {
    const zip = await makeZip([{ name: 'silence.wav', data: Buffer.alloc(5 * 1024 * 1024) }])
    expect(zip.length).toBeLessThan(100 * 1024)
    const file = path.join(dataDir(), 'bomb.zip')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, zip)
    await expect(inspectZip(file, { maxEntries: 10, maxTotalUncompressed: 1024 * 1024 })).rejects.toThrow(/zip bomb/)
  })

  it('refuses overlapping entries, too many entries, non-audio entries and an empty archive', async () => {
    const beatId = await newBeat()
    const many = await makeZip(Array.from({ length: 201 }, (_, i) => ({ name: `s${i}.wav`, data: Buffer.from('RIFF') })))
    expect((await sendFile(beatId, 'stems', many, 'stems.zip')).status).toBe(422)
    const junk = await makeZip([{ name: 'drums.wav', data: wav }, { name: 'readme.exe', data: Buffer.from('MZ') }])
    const junkRes = await sendFile(beatId, 'stems', junk, 'stems.zip')
    expect(junkRes.status).toBe(422)
    expect((junkRes.data as { error: string }).error).toMatch(/only audio files/)
    const none = await makeZip([{ name: '__MACOSX/._drums.wav', data: Buffer.from('x') }, { name: '.DS_Store', data: Buffer.from('x') }])
    expect((await sendFile(beatId, 'stems', none, 'stems.zip')).status).toBe(422)

    // Two central-directory records pointing at one local entry: the overlapping-bomb trick.
    const one = await makeZip([{ name: 'a.wav', data: wav, compress: false }, { name: 'b.wav', data: wav, compress: false }])
    const cds = [] as number[]
    for (let i = one.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = one.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) cds.push(i)
    one.writeUInt32LE(one.readUInt32LE(cds[0]! + 42), cds[1]! + 42)
    const overlap = await sendFile(beatId, 'stems', one, 'stems.zip')
    expect(overlap.status).toBe(422)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })
})
