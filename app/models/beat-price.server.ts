import { prisma, type Tx } from '~/models/db.server'

// What a cart is priced from: the beats (status, producer) and their tiers' current prices.

type Db = Tx | typeof prisma

export function findBeatsToPrice(beatIds: string[], db: Db = prisma) {
  return db.beat.findMany({
    where: { id: { in: [...new Set(beatIds)] } },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      exclusiveSoldAt: true,
      producerId: true,
      producer: { select: { displayName: true } },
      tiers: { select: { tier: true, priceCents: true, enabled: true } },
    },
  })
}

/** The tiers a buyer may switch to, with their prices. */
export function findEnabledTierPrices(beatIds: string[], db: Db = prisma) {
  return db.beatTier.findMany({
    where: { beatId: { in: beatIds }, enabled: true },
    select: { beatId: true, tier: true, priceCents: true },
  })
}
