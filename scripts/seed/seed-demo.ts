import { performance } from 'node:perf_hooks'
import type { FileKind } from '~/generated/prisma/enums'
import { DEFAULT_TRACK_SECONDS, type GeneratedBeat } from './audio/generate'
import { refreshWaveform } from '~/lib/audio/waveform.server'
import { hashPassword } from '~/lib/auth/password.server'
import { prisma } from '~/models/db.server'
import { coverVersionOf } from '~/lib/images/cover-sizes'
import { writeCoverVariants } from '~/lib/images/cover-variants.server'
import { getStorage } from '~/lib/storage/index.server'
import { beatFileKey } from '~/lib/storage/keys'
import { createBeat } from '~/models/beat/beat.server'
import { upsertBeatFile } from '~/models/beat/files.server'
import { createProducer, findProducerByEmail } from '~/models/producer.server'
import { DEMO_BEATS, DEMO_PASSWORD, DEMO_PRODUCERS, type DemoBeat } from './demo-catalog'
import { claimRender, defaultCacheDir, pruneStale, readCached, waitForCached, writeCached } from './audio-cache'
import { createGeneratePool } from './generate-pool'
import { seedDemoDiscounts } from './demo-discounts'
import { seedDemoPayouts } from './demo-payouts'
import { seedTaggedPreview } from './demo-voice-tag'
import { seedDemoPrivateLink } from './demo-private-link'
import { seedDemoFreeDownload } from './demo-free-download'

// Creates the demo catalog: 3 producers (they can sign in to the studio) and their published beats
// with generated audio, stems and covers, stored through the configured storage driver.

export interface SeedOptions {
  /** Seed even when the catalog already has beats (adds another set of demo beats). */
  force?: boolean
  log?: (line: string) => void
  /** Length of each full track; shorter makes a quicker seed (tests). */
  trackSeconds?: number
  /** Worker threads for rendering; 0 renders in this thread. */
  workers?: number
  /** Only the first N demo beats (tests). */
  limit?: number
  /** Where renders are cached between runs; null turns the cache off. */
  cacheDir?: string | null
}

export type SeedResult =
  | { seeded: false; reason: string }
  | { seeded: true; producers: number; beats: number; bytes: number; seconds: number; cached: number }

const FILE_KINDS: [FileKind, keyof GeneratedBeat][] = [
  ['PREVIEW', 'preview'],
  ['MP3', 'mp3'],
  ['WAV', 'wav'],
  ['STEMS', 'stems'],
  ['COVER', 'cover'],
]

export async function seedDemo(options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => {})
  const started = performance.now()
  const existing = await prisma.beat.count()
  if (existing > 0 && !options.force) return { seeded: false, reason: `the catalog already has ${existing} beat(s)` }

  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const producerIds = {} as Record<DemoBeat['producer'], string>
  for (const [handle, p] of Object.entries(DEMO_PRODUCERS) as [DemoBeat['producer'], (typeof DEMO_PRODUCERS)['nova']][]) {
    const found = await findProducerByEmail(p.email)
    producerIds[handle] = found?.id ?? (await createProducer({ ...p, passwordHash })).id
  }

  await seedDemoDiscounts(producerIds.mara)

  const beats = DEMO_BEATS.slice(0, options.limit ?? DEMO_BEATS.length)
  const storage = getStorage()
  const pool = createGeneratePool(options.workers)
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir
  let bytes = 0
  let cached = 0
  if (cacheDir) await pruneStale(cacheDir)
  const renderOrReuse = async (spec: Parameters<typeof pool.generate>[0]) => {
    if (!cacheDir) return pool.generate(spec)
    const hit = await readCached(cacheDir, spec)
    if (hit) {
      cached++
      return hit
    }
    const release = await claimRender(cacheDir, spec)
    if (!release) {
      const waited = await waitForCached(cacheDir, spec)
      if (waited) {
        cached++
        return waited
      }
    }
    try {
      const files = await pool.generate(spec)
      await writeCached(cacheDir, spec, files)
      return files
    } finally {
      await release?.()
    }
  }
  try {
    await Promise.all(
      beats.map(async (def, index) => {
        // Drafts until every file is stored: a half-seeded beat never shows in the catalog.
        const beat = await createBeat({
          producerId: producerIds[def.producer],
          title: def.title,
          bpm: def.bpm,
          musicalKey: def.musicalKey,
          genre: def.genre,
          mood: def.mood,
          tags: def.tags,
          description: def.description,
          tiers: def.tiers,
          status: 'DRAFT',
        })
        const spec = {
          seed: def.title,
          title: def.title,
          bpm: def.bpm,
          musicalKey: def.musicalKey,
          genre: def.genre,
          mood: def.mood,
          targetSeconds: options.trackSeconds ?? DEFAULT_TRACK_SECONDS,
        }
        const files = await renderOrReuse(spec)
        let wavSha256 = ''
        for (const [kind, field] of FILE_KINDS) {
          const file = files[field]
          const key = beatFileKey(beat.id, kind, file.ext)
          const stored = await storage.put(key, file.data, { kind, contentType: file.contentType })
          bytes += stored.bytes
          if (kind === 'WAV') wavSha256 = stored.sha256
          await upsertBeatFile(beat.id, {
            kind,
            storageKey: key,
            contentType: file.contentType,
            bytes: stored.bytes,
            sha256: stored.sha256,
            durationMs: file.durationMs,
            originalName: `${def.title}.${file.ext}`,
          })
          if (kind === 'COVER') await writeCoverVariants(beat.id, file.data, coverVersionOf(stored.sha256))
        }
        // The first demo beat's preview is rendered by the store with its producer's voice tag.
        if (index === 0 && !(await seedTaggedPreview(producerIds[def.producer], beat.id, wavSha256).catch(() => false))) log(`  ${def.title}: the store-tagged preview could not be rendered; the generated one stays`)
        await refreshWaveform(beat.id)
        // Spread release dates over past weeks so "newest" has a meaningful order.
        const publishedAt = new Date(Date.now() - (beats.length - index) * 37 * 3600 * 1000)
        await prisma.beat.update({
          where: { id: beat.id },
          data: { status: 'PUBLISHED', publishedAt, plays: (index * 7919) % 480 },
          select: { id: true },
        })
        log(`  ${def.title} (${def.genre}, ${def.bpm} BPM, ${def.musicalKey})`)
      }),
    )
  } finally {
    await pool.close()
  }
  await seedDemoPayouts(producerIds)
  await seedDemoPrivateLink(producerIds.nova)
  await seedDemoFreeDownload(producerIds.nova)
  const seconds = (performance.now() - started) / 1000
  return { seeded: true, producers: Object.keys(producerIds).length, beats: beats.length, bytes, seconds, cached }
}
