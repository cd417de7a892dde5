import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bufferSource } from '~/lib/audio/preview/byte-source'
import { runRenderPreview } from '~/lib/audio/preview/job.server'
import { toMono } from '~/lib/audio/preview/pcm'
import { decodeAudio } from '~/lib/audio/preview/render.server'
import { renderKeyFor, requestPreviewRender } from '~/lib/audio/preview/request.server'
import { startQueue } from '~/lib/jobs/queue.server'
import { getLocalStorage } from '~/lib/storage/index.server'
import { upsertBeatFile } from '~/models/beat/files.server'
import { prisma } from '~/models/db.server'
import { findPreviewRender } from '~/models/voice-tag.server'
import * as editor from '~/routes/studio.beats.$id'
import * as upload from '~/routes/studio.beats.$id.upload.$kind'
import * as voiceTag from '~/routes/studio.voice-tag'
import { makeBeat } from '../factories'
import { formRequest, getRequest, makeMp3, makePng, makeSignedInProducer, uploadRequest } from '../factories-studio'
import { beatWav, chirpWav, fallingWav, RATE, voiceTagUpload } from '../preview-media'
import { bestNcc } from '../utils/audio-correlation'
import { routeArgs, run } from '../utils/route'

// The store renders a beat's preview with the producer's voice tag. The job is sent by the real
// routes (upload, tag change) through pg-boss without a worker here, and its handler is run
// directly so each step can be checked; tests/integration/preview-render-queue.test.ts runs it
// through the worker.

let stop: () => Promise<void>
let producer: Awaited<ReturnType<typeof makeSignedInProducer>>
beforeAll(async () => {
  stop = await startQueue({ work: false })
  producer = await makeSignedInProducer()
})
afterAll(async () => {
  await stop()
})

const settings = { intent: 'settings', intervalSeconds: '10', levelDb: '-6', rangeStartSeconds: '2', rangeLengthSeconds: '30' }

async function newBeatWithWav(seconds = 40) {
  const beatId = (await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })).id
  const answer = await run(() => upload.action(routeArgs(uploadRequest(`/studio/beats/${beatId}/upload/wav`, beatWav(seconds), 'beat.wav', { cookie: producer.cookie }), { id: beatId, kind: 'wav' })))
  expect(answer.data).toMatchObject({ ok: true })
  return beatId
}

async function renderedPreview(beatId: string) {
  const file = await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } } })
  const bytes = readFileSync(getLocalStorage().pathFor(file.storageKey))
  return { file, audio: toMono(await decodeAudio(bufferSource(bytes), 'mp3')) }
}

async function status(beatId: string) {
  const answer = await run(() => editor.loader(routeArgs(getRequest(`/studio/beats/${beatId}`, producer.cookie), { id: beatId })))
  return (answer.data as { preview: { state: string; message?: string } }).preview
}

describe('voice tag upload', () => {
  it('refuses what is not a short, audible WAV or MP3 with a sentence', async () => {
    const oversized = await run(() => voiceTag.action(routeArgs(voiceTagUpload(Buffer.alloc(3_000_000), 'huge.wav', producer.cookie))))
    expect(oversized.status).toBe(413)
    expect(oversized.data).toMatch(/too large|limit|MB/i)
    const silent = chirpWav().wav
    silent.fill(0, 44)
    const cases: [Buffer, number, RegExp][] = [
      [await makePng(), 415, /WAV or MP3/],
      [chirpWav(12).wav, 422, /at most 10 seconds/],
      [silent, 422, /silent/],
      [Buffer.concat([chirpWav().wav.subarray(0, 44), Buffer.alloc(2_100_000)]), 413, /2 MB/],
    ]
    for (const [file, statusCode, message] of cases) {
      const answer = await run(() => voiceTag.action(routeArgs(voiceTagUpload(file, 'tag.wav', producer.cookie))))
      expect(answer.status).toBe(statusCode)
      expect((answer.data as { errors: { formError: string } }).errors.formError).toMatch(message)
    }
    expect(await prisma.voiceTag.count({ where: { producerId: producer.id } })).toBe(0)
  })

  it('refuses settings out of range, field by field', async () => {
    const answer = await run(() => voiceTag.action(routeArgs(formRequest('/studio/voice-tag', { ...settings, intervalSeconds: '3', levelDb: '6' }, { cookie: producer.cookie }))))
    expect(answer.status).toBe(400)
    expect(answer.data).toMatchObject({ errors: { fieldErrors: { intervalSeconds: [expect.stringMatching(/10 to 120/)], levelDb: [expect.stringMatching(/-30 to 0/)] } } })
  })
})

describe('tagged preview rendering', () => {
  let beatId: string
  const tag = chirpWav()

  it('queues a render when a WAV arrives and the producer has a tag, and renders the range with the tag at its offsets', async () => {
    // Without a tag, a WAV upload queues nothing.
    const untagged = await newBeatWithWav(20)
    expect(await findPreviewRender(untagged)).toBeNull()
    expect(await status(untagged)).toMatchObject({ state: 'no-tag' })

    const uploaded = await run(() => voiceTag.action(routeArgs(voiceTagUpload(tag.wav, 'my tag.wav', producer.cookie))))
    expect(uploaded.data).toMatchObject({ saved: true, queued: 1 })
    const saved = await run(() => voiceTag.action(routeArgs(formRequest('/studio/voice-tag', settings, { cookie: producer.cookie }))))
    expect(saved.data).toMatchObject({ saved: true, queued: 1 })

    beatId = await newBeatWithWav(40)
    const queued = (await findPreviewRender(beatId))!
    expect(queued.status).toBe('QUEUED')
    expect(await status(beatId)).toMatchObject({ state: 'queued' })
    expect(await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'render-preview' AND data->>'beatId' = ${beatId}`).toEqual([{ n: 1n }])

    expect(await runRenderPreview({ beatId, renderKey: queued.renderKey })).toBe('ready')
    expect(await status(beatId)).toMatchObject({ state: 'ready' })
    const { file, audio } = await renderedPreview(beatId)
    expect(file.storeRendered).toBe(true)
    expect(file.durationMs).toBe(30_000)
    // The source range is 2 s … 32 s: tags at 0, 10 and 20 s of the preview; the fade starts at 28 s.
    expect(audio.length / RATE).toBeGreaterThan(29.9)
    for (const at of [0, 10, 20]) expect(bestNcc(audio, tag.signal, at * RATE, 1600, 2)).toBeGreaterThan(0.5)
    for (const at of [5, 15, 25]) expect(bestNcc(audio, tag.signal, at * RATE, 1600, 2)).toBeLessThan(0.2)

    // The same job again (pg-boss delivers at least once) does nothing.
    expect(await runRenderPreview({ beatId, renderKey: queued.renderKey })).toBe('skipped')
    const again = await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } } })
    expect(again.sha256).toBe(file.sha256)
    expect(again.createdAt).toEqual(file.createdAt)
  }, 120_000)

  it('re-renders with the new tag after the tag changes, and removes the old file', async () => {
    const before = await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } } })
    const next = fallingWav()
    const uploaded = await run(() => voiceTag.action(routeArgs(voiceTagUpload(next.wav, 'new tag.wav', producer.cookie))))
    expect(uploaded.data).toMatchObject({ saved: true })
    const render = (await findPreviewRender(beatId))!
    expect(render.status).toBe('QUEUED')
    expect(await runRenderPreview({ beatId, renderKey: render.renderKey })).toBe('ready')
    const { file, audio } = await renderedPreview(beatId)
    expect(file.storageKey).not.toBe(before.storageKey)
    expect(await getLocalStorage().exists(before.storageKey)).toBe(false)
    expect(bestNcc(audio, next.signal, 10 * RATE, 1600, 2)).toBeGreaterThan(0.5)
    expect(bestNcc(audio, chirpWav().signal, 10 * RATE, 1600, 2)).toBeLessThan(0.2)
  }, 120_000)

  it('never replaces an uploaded preview unless the producer asks', async () => {
    const own = await makeMp3(2)
    const answer = await run(() => upload.action(routeArgs(uploadRequest(`/studio/beats/${beatId}/upload/preview`, own, 'mine.mp3', { cookie: producer.cookie }), { id: beatId, kind: 'preview' })))
    expect(answer.data).toMatchObject({ ok: true })
    expect(await status(beatId)).toMatchObject({ state: 'uploaded', canReplace: true })
    // A tag change re-renders the store's previews (the other beat's), not this one.
    const before = (await findPreviewRender(beatId))!
    const saved = await run(() => voiceTag.action(routeArgs(formRequest('/studio/voice-tag', { ...settings, levelDb: '-9' }, { cookie: producer.cookie }))))
    expect(saved.data).toMatchObject({ saved: true, queued: 1 })
    expect(await findPreviewRender(beatId)).toEqual(before)
    expect((await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } } })).storeRendered).toBe(false)

    // A render requested earlier that finishes after the upload keeps the upload.
    const wav = await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'WAV' } } })
    const { version } = await prisma.voiceTag.findUniqueOrThrow({ where: { producerId: producer.id } })
    const current = renderKeyFor(wav.sha256, version)
    await prisma.previewRender.update({ where: { beatId }, data: { status: 'QUEUED', renderKey: current } })
    expect(await runRenderPreview({ beatId, renderKey: current })).toBe('kept-upload')
    expect((await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } } })).storeRendered).toBe(false)

    const replace = await run(() => editor.action(routeArgs(formRequest(`/studio/beats/${beatId}`, { intent: 'replace-preview' }, { cookie: producer.cookie }), { id: beatId })))
    expect(replace.status).toBe(200)
    const render = (await findPreviewRender(beatId))!
    expect(render).toMatchObject({ status: 'QUEUED', replaceUploaded: true })
    expect(await runRenderPreview({ beatId, renderKey: render.renderKey })).toBe('ready')
    expect((await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } } })).storeRendered).toBe(true)
  }, 120_000)

  it('records a corrupt source as failed with a sentence, and renders again on request', async () => {
    const corrupt = (await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })).id
    const key = `beats/${corrupt}/wav.wav`
    await getLocalStorage().put(key, Buffer.from('RIFF\x10\x00\x00\x00WAVEjunk\x04\x00\x00\x00abcd', 'latin1'), { kind: 'WAV', contentType: 'audio/wav' })
    await upsertBeatFile(corrupt, { kind: 'WAV', storageKey: key, contentType: 'audio/wav', bytes: 28, sha256: 'c'.repeat(64) })
    expect(await prisma.$transaction((tx) => requestPreviewRender(tx, corrupt))).toBe('queued')
    const render = (await findPreviewRender(corrupt))!
    expect(await runRenderPreview({ beatId: corrupt, renderKey: render.renderKey })).toBe('failed')
    expect(await status(corrupt)).toEqual({ state: 'failed', message: 'The WAV file holds no audio data.', updatedAt: expect.any(String) })
    expect(await prisma.beatFile.count({ where: { beatId: corrupt, kind: 'PREVIEW' } })).toBe(0)

    const again = await run(() => editor.action(routeArgs(formRequest(`/studio/beats/${corrupt}`, { intent: 'render-preview' }, { cookie: producer.cookie }), { id: corrupt })))
    expect(again.status).toBe(200)
    expect(await status(corrupt)).toMatchObject({ state: 'queued' })
  })
})
