import { describe, expect, it } from 'vitest'
import { verifyPassword } from '~/lib/auth/password.server'
import { prisma } from '~/models/db.server'
import { getLocalStorage } from '~/lib/storage/index.server'
import { stat } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { seedDemoIfWanted } from '../../scripts/seed/auto-seed'
import { seedDemo } from '../../scripts/seed/seed-demo'
import { DEMO_BEATS, DEMO_PASSWORD } from '../../scripts/seed/demo-catalog'

// The whole demo seed against a real database, with short tracks so it stays quick.

describe('demo seed', () => {
  it('does not seed a DATABASE_URL store on start unless SEED_DEMO=true', async () => {
    const lines: string[] = []
    await seedDemoIfWanted({ embedded: false, log: (l) => lines.push(l) })
    expect(await prisma.beat.count()).toBe(0)
    expect(lines).toEqual([])
  })

  it('creates 3 producers who can sign in and at least 24 published beats with every file', async () => {
    const lines: string[] = []
    const result = await seedDemo({ trackSeconds: 1, cacheDir: null, log: (l) => lines.push(l) })
    expect(result).toMatchObject({ seeded: true, producers: 3 })
    expect(DEMO_BEATS.length).toBeGreaterThanOrEqual(24)

    const producers = await prisma.producer.findMany({ select: { email: true, bio: true, passwordHash: true }, orderBy: { email: 'asc' } })
    expect(producers.map((p) => p.email)).toEqual(['kilo@beatstall.test', 'mara@beatstall.test', 'nova@beatstall.test'])
    for (const p of producers) {
      expect(p.bio.length).toBeGreaterThan(40)
      expect(await verifyPassword(p.passwordHash ?? '', DEMO_PASSWORD)).toBe(true)
    }

    const beats = await prisma.beat.findMany({
      select: { status: true, genre: true, minPriceCents: true, searchText: true, files: { select: { kind: true, storageKey: true, bytes: true, sha256: true, durationMs: true } }, tiers: { select: { enabled: true } } },
    })
    expect(beats.length).toBe(DEMO_BEATS.length)
    expect(await prisma.beat.findMany({ where: { freeDownload: true }, select: { title: true } })).toEqual([{ title: 'Glass Halo' }])
    expect(beats.every((b) => b.status === 'PUBLISHED')).toBe(true)
    expect(new Set(beats.map((b) => b.genre)).size).toBeGreaterThanOrEqual(7)
    expect(beats.every((b) => b.minPriceCents !== null && b.searchText.length > 0)).toBe(true)
    expect(beats.filter((b) => b.tiers.some((t) => !t.enabled)).length).toBeGreaterThanOrEqual(2)

    const storage = getLocalStorage()
    for (const beat of beats) {
      expect(beat.files.map((f) => f.kind).sort()).toEqual(['COVER', 'MP3', 'PREVIEW', 'STEMS', 'WAV'])
      for (const f of beat.files) {
        expect((await stat(storage.pathFor(f.storageKey))).size).toBe(f.bytes)
      }
      const preview = beat.files.find((f) => f.kind === 'PREVIEW')
      expect(preview?.durationMs).toBeGreaterThan(1000)
    }
    // Spot-check a checksum end to end.
    const sample = beats[0]?.files[0]
    const bytes = await readFile(storage.pathFor(sample?.storageKey ?? ''))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sample?.sha256)
    expect(lines.length).toBe(DEMO_BEATS.length)
    // A newcomer finds one private link in Nova's studio.
    const links = await prisma.privateLink.findMany({ select: { producer: { select: { email: true } }, purchaseCap: true, beats: { select: { beatId: true } } } })
    expect(links).toEqual([{ producer: { email: 'nova@beatstall.test' }, purchaseCap: 3, beats: [expect.anything(), expect.anything()] }])
  }, 400_000)

  it('leaves a catalog that already has beats alone unless forced', async () => {
    const before = await prisma.beat.count()
    expect(before).toBeGreaterThan(0)
    const again = await seedDemo({ trackSeconds: 1, cacheDir: null })
    expect(again).toEqual({ seeded: false, reason: `the catalog already has ${before} beat(s)` })
    expect(await prisma.beat.count()).toBe(before)
    expect(await prisma.producer.count()).toBe(3)

    const forced = await seedDemo({ trackSeconds: 1, cacheDir: null, force: true, limit: 1, workers: 0 })
    expect(forced).toMatchObject({ seeded: true, beats: 1 })
    expect(await prisma.beat.count()).toBe(before + 1)
    expect(await prisma.producer.count()).toBe(3)
  }, 60_000)
})
