import { beforeAll, describe, expect, it } from 'vitest'
import { backfillWaveforms } from '~/lib/audio/waveform.server'
import { orderSimilar } from '~/lib/catalog/similar'
import { getStorage } from '~/lib/storage/index.server'
import { beatFileKey } from '~/lib/storage/keys'
import { upsertBeatFile } from '~/models/beat/files.server'
import { findSimilarBeats } from '~/models/beat/similar.server'
import { prisma } from '~/models/db.server'
import { loader as beatLoader } from '~/routes/beats.$slug'
import { loader as embedLoader } from '~/routes/embed.beats.$slug'
import { loader as waveformLoader } from '~/routes/media.waveform.$beatId'
import * as studioBeat from '~/routes/studio.beats.$id'
import * as upload from '~/routes/studio.beats.$id.upload.$kind'
import { makeBeat, makeProducer } from '../factories'
import { formRequest, makeSignedInProducer, uploadRequest } from '../factories-studio'
import { makeMp3, makeWav } from '../studio-media'
import { callRoute, routeArgs, run } from '../utils/route'

// Waveform peaks stored when audio arrives (upload, backfill), served to the player; similar beats
// ordered on real PostgreSQL; the embed page's loader.

const peaksOf = async (beatId: string) =>
  (await prisma.beat.findUniqueOrThrow({ where: { id: beatId }, select: { waveformPeaks: true } })).waveformPeaks

describe('waveform peaks', () => {
  let producer: Awaited<ReturnType<typeof makeSignedInProducer>>
  beforeAll(async () => {
    producer = await makeSignedInProducer()
  })
  const send = (beatId: string, kind: string, file: Buffer, filename: string) =>
    run(() => upload.action(routeArgs(uploadRequest(`/studio/beats/${beatId}/upload/${kind}`, file, filename, { cookie: producer.cookie }), { id: beatId, kind })))

  it('are computed and stored when the preview is uploaded, and the preview stays their source', async () => {
    const beat = await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })
    expect(await peaksOf(beat.id)).toEqual([])
    expect((await send(beat.id, 'preview', await makeMp3(3), 'preview.mp3')).status).toBe(200)
    const fromPreview = await peaksOf(beat.id)
    expect(fromPreview).toHaveLength(200)
    // The test MP3 is a steady sine at a quarter of full scale.
    expect(Math.max(...fromPreview.slice(5, -5))).toBeGreaterThan(50)
    // A louder WAV uploaded later does not replace the preview's waveform.
    expect((await send(beat.id, 'wav', makeWav(3, 44100), 'full.wav')).status).toBe(200)
    expect(await peaksOf(beat.id)).toEqual(fromPreview)
  })

  it('come from the MP3 or the WAV when there is no preview, and are cleared with the last audio', async () => {
    const beat = await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })
    expect((await send(beat.id, 'wav', makeWav(2, 44100), 'full.wav')).status).toBe(200)
    const peaks = await peaksOf(beat.id)
    expect(peaks).toHaveLength(200)
    expect(Math.min(...peaks)).toBeGreaterThanOrEqual(61)
    const removed = await callRoute(studioBeat.action, formRequest(`/studio/beats/${beat.id}`, { intent: 'remove-file', kind: 'wav' }, { cookie: producer.cookie }), { id: beat.id })
    expect(removed.status).toBeLessThan(400)
    expect(await peaksOf(beat.id)).toEqual([])
  })

  it('are backfilled for beats that have audio but none stored; unreadable audio is skipped, not fatal', async () => {
    const good = await makeBeat({ withFiles: false })
    const key = beatFileKey(good.id, 'PREVIEW', 'mp3')
    const stored = await getStorage().put(key, await makeMp3(3), { kind: 'PREVIEW', contentType: 'audio/mpeg' })
    await upsertBeatFile(good.id, { kind: 'PREVIEW', storageKey: key, contentType: 'audio/mpeg', bytes: stored.bytes, sha256: stored.sha256 })
    const missing = await makeBeat() // factory files point at nothing on disk
    const result = await backfillWaveforms()
    expect(result.done).toBeGreaterThanOrEqual(1)
    expect(result.failed).toBeGreaterThanOrEqual(1)
    expect(await peaksOf(good.id)).toHaveLength(200)
    expect(await peaksOf(missing.id)).toEqual([])
    // A second run has nothing new to do for the good beat.
    await backfillWaveforms()
    expect(await peaksOf(good.id)).toHaveLength(200)
  })

  it('are served to the player for published beats only', async () => {
    const beat = await makeBeat({ withFiles: false })
    await prisma.beat.update({ where: { id: beat.id }, data: { waveformPeaks: [1, 2, 3] } })
    const ok = await callRoute(waveformLoader, new Request(`http://store.test/media/waveform/${beat.id}`), { beatId: beat.id })
    expect(ok.status).toBe(200)
    expect(ok.data).toEqual({ peaks: [1, 2, 3] })
    const draft = await makeBeat({ status: 'DRAFT', withFiles: false })
    expect((await callRoute(waveformLoader, new Request('http://store.test/x'), { beatId: draft.id })).status).toBe(404)
    expect((await callRoute(waveformLoader, new Request('http://store.test/x'), { beatId: 'not-a-uuid' })).status).toBe(400)
  })
})

describe('similar beats', () => {
  it('lists the same producer first, then genre, mood, compatible key and tempo; published beats only', async () => {
    const [a, b, c] = [await makeProducer(), await makeProducer(), await makeProducer()]
    const mk = (producerId: string, title: string, genre: string, mood: string, musicalKey: string, bpm: number, status: 'PUBLISHED' | 'DRAFT' = 'PUBLISHED') =>
      makeBeat({ producerId, title, genre, mood, musicalKey, bpm, status, withFiles: false })
    // Names no other beat in this database uses, so the ranking below is the whole story.
    const target = await mk(a.id, 'Target', 'Drill', 'Brooding', 'F minor', 140)
    await mk(a.id, 'Same producer, unlike', 'Polka', 'Sunny', 'F# major', 100)
    await mk(a.id, 'Same producer, alike', 'Drill', 'Brooding', 'C minor', 141)
    await mk(b.id, 'Genre mood key', 'Drill', 'Brooding', 'Bb minor', 150)
    await mk(b.id, 'Genre mood, near tempo', 'Drill', 'Brooding', 'F# major', 139)
    await mk(c.id, 'Genre key', 'Drill', 'Sunny', 'F minor', 140)
    await mk(c.id, 'Mood key', 'Polka', 'Brooding', 'Ab major', 140)
    await mk(c.id, 'Nothing alike', 'Polka', 'Sunny', 'F# major', 140)
    await mk(a.id, 'A draft twin', 'Drill', 'Brooding', 'F minor', 140, 'DRAFT')

    const like = { id: target.id, producerId: a.id, genre: 'Drill', mood: 'Brooding', musicalKey: 'F minor', bpm: 140 }
    const titles = async (limit: number) => (await findSimilarBeats(like, limit)).map((s) => s.title)
    const all = await titles(20)
    expect(all.slice(0, 7)).toEqual([
      'Same producer, alike',
      'Same producer, unlike',
      'Genre mood key',
      'Genre mood, near tempo',
      'Genre key',
      'Mood key',
      'Nothing alike',
    ])
    expect(all).not.toContain('Target')
    expect(all).not.toContain('A draft twin')
    expect(await titles(3)).toEqual(all.slice(0, 3))

    const page = await beatLoader(routeArgs(new Request(`http://store.test/beats/${target.slug}`), { slug: target.slug }))
    expect(page.similar.map((s) => s.title)).toEqual(all.slice(0, 6))
  })

  it('gives exactly what ranking every published beat would give (random catalog)', async () => {
    const producers = [await makeProducer(), await makeProducer(), await makeProducer()]
    const genres = ['Lo-Fi', 'House', 'Soul']
    const moods = ['Calm', 'Sad']
    const keys = ['A minor', 'C major', 'E minor', 'F# major', 'Bb minor', 'D major']
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let i = 0; i < 90; i++) {
      await makeBeat({
        producerId: producers[rand(3)]!.id,
        genre: genres[rand(3)]!,
        mood: moods[rand(2)]!,
        musicalKey: keys[rand(6)]!,
        bpm: 70 + rand(60),
        status: rand(10) === 0 ? 'DRAFT' : 'PUBLISHED',
        withFiles: false,
      })
    }
    const published = await prisma.beat.findMany({ where: { status: 'PUBLISHED' }, select: { id: true, producerId: true, genre: true, mood: true, musicalKey: true, bpm: true } })
    const targets = published.filter((p) => producers.some((x) => x.id === p.producerId)).slice(0, 12)
    for (const target of targets) {
      const expected = orderSimilar(target, published, 6).map((s) => s.id)
      expect((await findSimilarBeats(target, 6)).map((s) => s.id)).toEqual(expected)
    }
  })
})

describe('embed page loader', () => {
  it('gives the player what it needs and a link back to the beat page; 404 for a draft', async () => {
    const beat = await makeBeat({ withFiles: true })
    const answer = await embedLoader(routeArgs(new Request(`http://store.test/embed/beats/${beat.slug}`), { slug: beat.slug }))
    expect(answer.beat.id).toBe(beat.id)
    expect(answer.beat.hasPreview).toBe(true)
    expect(answer.link).toMatch(new RegExp(`/beats/${beat.slug}$`))
    const draft = await makeBeat({ status: 'DRAFT' })
    expect((await callRoute(embedLoader, new Request(`http://store.test/embed/beats/${draft.slug}`), { slug: draft.slug })).status).toBe(404)
  })
})
