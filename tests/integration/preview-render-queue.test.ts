import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import '~/lib/audio/preview/job.server'
import { startQueue } from '~/lib/jobs/queue.server'
import { prisma } from '~/models/db.server'
import { findPreviewRender } from '~/models/voice-tag.server'
import * as upload from '~/routes/studio.beats.$id.upload.$kind'
import * as voiceTag from '~/routes/studio.voice-tag'
import { makeBeat } from '../factories'
import { formRequest, makeSignedInProducer, uploadRequest } from '../factories-studio'
import { beatWav, chirpWav, voiceTagUpload } from '../preview-media'
import { routeArgs, run } from '../utils/route'

// The tagged preview through the real worker: a tag and a WAV uploaded through the studio routes,
// the pg-boss worker renders, the beat gets a store-rendered preview.

let stop: () => Promise<void>
beforeAll(async () => {
  stop = await startQueue({ pollingIntervalSeconds: 0.5 })
})
afterAll(async () => {
  await stop()
})

async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out waiting for the render')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe('preview render job through the queue', () => {
  it('renders the preview once a WAV is uploaded by a producer with a voice tag', async () => {
    const producer = await makeSignedInProducer()
    await run(() => voiceTag.action(routeArgs(voiceTagUpload(chirpWav().wav, 'tag.wav', producer.cookie))))
    await run(() => voiceTag.action(routeArgs(formRequest('/studio/voice-tag', { intent: 'settings', intervalSeconds: '10', levelDb: '-6', rangeStartSeconds: '0', rangeLengthSeconds: '15' }, { cookie: producer.cookie }))))
    const beatId = (await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })).id
    const answer = await run(() => upload.action(routeArgs(uploadRequest(`/studio/beats/${beatId}/upload/wav`, beatWav(20), 'beat.wav', { cookie: producer.cookie }), { id: beatId, kind: 'wav' })))
    expect(answer.data).toMatchObject({ ok: true })
    const render = await until(async () => {
      const r = await findPreviewRender(beatId)
      return r && (r.status === 'READY' || r.status === 'FAILED') ? r : null
    }, 90_000)
    expect(render).toMatchObject({ status: 'READY', message: null })
    expect(await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } } })).toMatchObject({ storeRendered: true, durationMs: 15_000, contentType: 'audio/mpeg' })
  }, 120_000)
})
