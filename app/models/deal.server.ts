import type { DealKind } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'

// Producers' bulk deals. A deal is live from startsAt until endsAt (ending one sets endsAt).

type Db = Tx | typeof prisma

const dealSelect = {
  id: true,
  producerId: true,
  kind: true,
  tier: true,
  buyQuantity: true,
  freeQuantity: true,
  bundleQuantity: true,
  bundlePriceCents: true,
  includeExclusive: true,
  startsAt: true,
  endsAt: true,
  producer: { select: { displayName: true } },
} as const

export interface NewDeal {
  producerId: string
  kind: DealKind
  tier: string | null
  buyQuantity?: number | null
  freeQuantity?: number | null
  bundleQuantity?: number | null
  bundlePriceCents?: number | null
  includeExclusive?: boolean
  startsAt: Date
  endsAt: Date | null
}

export function createDeal(input: NewDeal, db: Db = prisma) {
  return db.deal.create({ data: input, select: dealSelect })
}

/** Deals of these producers live at `now`. */
export function findLiveDeals(producerIds: string[], now: Date, db: Db = prisma) {
  if (!producerIds.length) return Promise.resolve([])
  return db.deal.findMany({
    where: { producerId: { in: producerIds }, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    select: dealSelect,
    orderBy: { id: 'asc' },
  })
}

/** Every deal of one producer, newest first (the studio's list). */
export function findProducerDeals(producerId: string, db: Db = prisma) {
  return db.deal.findMany({ where: { producerId }, select: dealSelect, orderBy: { createdAt: 'desc' } })
}

/** Ends the producer's deal now unless it has already ended; false when it is not theirs. */
export async function endDeal(producerId: string, dealId: string, now: Date, db: Db = prisma): Promise<boolean> {
  const { count } = await db.deal.updateMany({
    where: { id: dealId, producerId, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    data: { endsAt: now },
  })
  return count === 1
}

export type DealRow = Awaited<ReturnType<typeof findProducerDeals>>[number]

/** The producer's beats, for limiting a code to some of them. */
export function findBeatChoices(producerId: string, db: Db = prisma) {
  return db.beat.findMany({ where: { producerId, status: { not: 'ARCHIVED' } }, select: { id: true, title: true }, orderBy: { title: 'asc' } })
}
