import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { seedDemoIfWanted } from '../../scripts/seed/auto-seed'

// Two instances started at once on an empty database with SEED_DEMO=true: both run the first-run
// seed. It runs under the migration lock and re-checks inside it, so one seeds, the other waits
// and then finds the catalog (before, the second exited 1 on a duplicate producer email).

describe('first start of two instances at once', () => {
  it('seeds once and both starts succeed', async () => {
    const logs: string[][] = [[], []]
    const start = (i: 0 | 1) =>
      seedDemoIfWanted({ embedded: true, log: (l) => logs[i]!.push(l), seed: { trackSeconds: 1, limit: 2, cacheDir: null } })
    // Both starts must finish without throwing (the second used to fail on a duplicate email).
    await Promise.all([start(0), start(1)])

    expect(await prisma.producer.count()).toBe(3)
    expect(await prisma.beat.count()).toBe(2)
    const outcomes = logs.map((lines) => lines.at(-1) ?? '')
    expect(outcomes.filter((l) => l.startsWith('demo catalog seeded'))).toHaveLength(1)
    expect(outcomes.filter((l) => l.startsWith('demo seed skipped'))).toHaveLength(1)
  }, 300_000)
})
