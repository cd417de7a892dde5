import { describe, expect, it } from 'vitest'
import { saveBeatDetails, saveBeatTiers, setBeatStatus } from '~/models/studio-beat.server'
import { readCatalogVersion } from '~/models/catalog-version.server'
import { prisma } from '~/models/db.server'
import { makeBeat } from '../factories'

// The catalog version behind every storefront validator: bumped by the database itself at the
// commit of any change a storefront page shows, once per transaction, and never a deadlock.

const details = { bpm: 90, musicalKey: 'A minor', genre: 'Trap', mood: 'Dark', tags: [], description: '' }

describe('catalog version', () => {
  it('changes at the commit of a beat published, edited, re-priced or taken off sale, and not on a rolled-back change, edited, re-priced or taken off sale, and not on a rolled-back change', async () => {
    const beat = await makeBeat({ status: 'DRAFT' })
    let before = await readCatalogVersion()
    const expectBump = async (what: string, change: () => Promise<unknown>) => {
      await change()
      const after = await readCatalogVersion()
      expect(after > before, what).toBe(true)
      before = after
    }
    await expectBump('publish', () => setBeatStatus(beat.id, 'PUBLISHED', new Date()))
    await expectBump('edit', () => saveBeatDetails(beat.id, { ...details, title: 'Renamed' }))
    await expectBump('price', () => saveBeatTiers(beat.id, { BASIC: { enabled: true, priceCents: 3100 }, TRACKOUT: { enabled: true, priceCents: 9900 }, UNLIMITED: { enabled: true, priceCents: 24900 }, EXCLUSIVE: { enabled: false, priceCents: 150000 } }))
    // However the sale is written (here: plain SQL, as a one-statement completion would), the row change counts.
    await expectBump('sold', () => prisma.$executeRaw`UPDATE "Beat" SET status = 'ARCHIVED' WHERE id = ${beat.id}::uuid`)
    await expectBump('new beat', () => makeBeat({ withFiles: false }))
    await prisma.$transaction(async (tx) => {
      await saveBeatDetails(beat.id, { ...details, title: 'Never' }, tx)
      throw new Error('rolled back')
    }).catch(() => {})
    expect(await readCatalogVersion()).toBe(before)
  })

  it('takes its row lock last, so it never closes a deadlock between transactions that lock beats', async () => {
    const a = await makeBeat({ withFiles: false })
    const b = await makeBeat({ withFiles: false })
    const c = await makeBeat({ withFiles: false })
    const before = await readCatalogVersion()
    // One edits beat a and then beat b; the other holds beat b (as a checkout locking its beats
    // would) and changes beat c's prices. Only the version row could make them wait on each other
    // in a cycle: taken at the first change instead of at commit, it would deadlock.
    const editor = prisma.$transaction(async (tx) => {
      await saveBeatDetails(a.id, { ...details, title: 'Edited A' }, tx)
      await tx.$executeRaw`SELECT pg_sleep(0.2)`
      await saveBeatDetails(b.id, { ...details, title: 'Edited B' }, tx)
    })
    const locker = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Beat" WHERE id = ${b.id}::uuid FOR UPDATE`
      await tx.$executeRaw`SELECT pg_sleep(0.1)`
      await tx.$executeRaw`UPDATE "BeatTier" SET "priceCents" = "priceCents" + 100 WHERE "beatId" = ${c.id}::uuid`
      await tx.$executeRaw`SELECT pg_sleep(0.3)`
    })
    const results = await Promise.allSettled([editor, locker])
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok'])
    expect(await readCatalogVersion()).toBe(before + 2n)
  })
})
