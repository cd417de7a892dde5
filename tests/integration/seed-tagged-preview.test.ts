import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bufferSource } from '~/lib/audio/preview/byte-source'
import { toMono } from '~/lib/audio/preview/pcm'
import { decodeAudio } from '~/lib/audio/preview/render.server'
import { getLocalStorage } from '~/lib/storage/index.server'
import { prisma } from '~/models/db.server'
import { chirpTag } from '../../scripts/seed/audio/chirp-tag'
import { seedDemo } from '../../scripts/seed/seed-demo'
import { bestNcc } from '../utils/audio-correlation'

// The demo catalog's first beat plays a preview the store rendered with its producer's voice tag.

describe('demo seed: a store-tagged preview', () => {
  it('renders the first demo beat’s preview with the demo voice tag', async () => {
    const lines: string[] = []
    const result = await seedDemo({ trackSeconds: 6, cacheDir: null, workers: 0, limit: 2, log: (l) => lines.push(l) })
    expect(result).toMatchObject({ seeded: true, beats: 2 })
    expect(lines.filter((l) => l.includes('could not be rendered'))).toEqual([])
    const previews = await prisma.beatFile.findMany({ where: { kind: 'PREVIEW' }, select: { storageKey: true, storeRendered: true, beat: { select: { title: true, producer: { select: { voiceTag: { select: { originalName: true } } } } } } } })
    const tagged = previews.filter((p) => p.storeRendered)
    expect(tagged).toHaveLength(1)
    expect(tagged[0]!.beat.producer.voiceTag?.originalName).toBe('demo-tag.wav')
    expect(await prisma.previewRender.findMany({ select: { status: true } })).toEqual([{ status: 'READY' }])
    const audio = toMono(await decodeAudio(bufferSource(readFileSync(getLocalStorage().pathFor(tagged[0]!.storageKey))), 'mp3'))
    expect(bestNcc(audio, chirpTag(44_100), 0, 1600, 2)).toBeGreaterThan(0.4)
  }, 300_000)
})
