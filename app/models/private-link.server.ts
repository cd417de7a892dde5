import type { InputJsonValue } from '~/generated/prisma/internal/prismaNamespace'
import { prisma, type Tx } from '~/models/db.server'

// Private links: the producer's list, the visitor's page, and what checkout needs to honour a link.

type Db = Tx | typeof prisma

export function insertPrivateLink(input: {
  id: string
  producerId: string
  beatIds: string[]
  expiresAt: Date
  note: string
  tierPrices: Record<string, number>
  purchaseCap: number | null
}) {
  return prisma.privateLink.create({
    data: {
      id: input.id,
      producerId: input.producerId,
      expiresAt: input.expiresAt,
      note: input.note,
      tierPrices: input.tierPrices as InputJsonValue,
      purchaseCap: input.purchaseCap,
      beats: { create: input.beatIds.map((beatId, position) => ({ beatId, position })) },
    },
    select: { id: true },
  })
}

/** The producer's own beats among `beatIds` (a link may only hold its producer's beats). */
export async function countOwnBeats(producerId: string, beatIds: string[]) {
  return prisma.beat.count({ where: { id: { in: beatIds }, producerId, status: { not: 'ARCHIVED' } } })
}

/**
 * Orders that used the link: paid ones (refunded or disputed included — the buyer did buy) and
 * checkouts still open, which hold their use until they expire.
 */
async function countPurchases(db: Db, linkId: string, now: Date): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(DISTINCT o.id) AS n
      FROM "OrderItem" i JOIN "MultiItemOrder" o ON o.id = i."orderId"
     WHERE i."privateLinkId" = ${linkId}
       AND (o.status IN ('PAID', 'REFUNDED', 'DISPUTED')
            OR (o.status = 'PENDING' AND (o."checkoutExpiresAt" IS NULL OR o."checkoutExpiresAt" > ${now})))`
  return Number(rows[0]?.n ?? 0)
}

const linkFacts = { id: true, producerId: true, expiresAt: true, revokedAt: true, purchaseCap: true, tierPrices: true, note: true } as const

/** The visitor's page: the link, its beats as a beat page shows them, and its purchases so far. */
export async function findPrivateLinkPage(linkId: string, now: Date) {
  const link = await prisma.privateLink.findUnique({
    where: { id: linkId },
    select: {
      ...linkFacts,
      producer: { select: { displayName: true, slug: true } },
      beats: {
        orderBy: { position: 'asc' },
        select: {
          beat: {
            select: {
              id: true,
              slug: true,
              title: true,
              bpm: true,
              musicalKey: true,
              genre: true,
              mood: true,
              status: true,
              files: { select: { kind: true, durationMs: true } },
              tiers: { where: { enabled: true }, select: { tier: true, priceCents: true } },
            },
          },
        },
      },
    },
  })
  if (!link) return null
  return { ...link, purchases: await countPurchases(prisma, linkId, now) }
}

export async function recordPrivateLinkOpen(linkId: string) {
  await prisma.privateLink.update({ where: { id: linkId }, data: { opens: { increment: 1 } }, select: { id: true } })
}

/** What pricing needs for the links named in a cart. */
export function findLinksForPricing(linkIds: string[], db: Db = prisma) {
  return db.privateLink.findMany({
    where: { id: { in: [...new Set(linkIds)] } },
    select: { ...linkFacts, beats: { select: { beatId: true } } },
  })
}

/**
 * Inside the checkout transaction: locks the link so racing checkouts count one after another, then
 * counts its purchases (the new order is not written yet).
 */
export async function lockLinkAndCountPurchases(tx: Tx, linkId: string, now: Date) {
  const [link] = await tx.$queryRaw<{ expiresAt: Date; revokedAt: Date | null; purchaseCap: number | null }[]>`
    SELECT "expiresAt", "revokedAt", "purchaseCap" FROM "PrivateLink" WHERE id = ${linkId} FOR UPDATE`
  if (!link) return null
  return { link, purchases: await countPurchases(tx, linkId, now) }
}

/** A beat's preview may be played through an open link even when the beat is not published. */
export async function isBeatInLink(linkId: string, beatId: string) {
  const row = await prisma.privateLinkBeat.findUnique({ where: { linkId_beatId: { linkId, beatId } }, select: { beatId: true } })
  return row !== null
}

/** The studio list: each link with its beats, opens and paid orders. */
export async function listProducerLinks(producerId: string) {
  const links = await prisma.privateLink.findMany({
    where: { producerId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { ...linkFacts, opens: true, createdAt: true, beats: { orderBy: { position: 'asc' }, select: { beat: { select: { title: true } } } } },
  })
  const sales = await prisma.$queryRaw<{ linkId: string; n: bigint }[]>`
    SELECT i."privateLinkId" AS "linkId", count(DISTINCT o.id) AS n
      FROM "OrderItem" i JOIN "MultiItemOrder" o ON o.id = i."orderId"
     WHERE i."privateLinkId" IN (SELECT id FROM "PrivateLink" WHERE "producerId" = ${producerId}::uuid)
       AND o.status IN ('PAID', 'REFUNDED', 'DISPUTED')
     GROUP BY i."privateLinkId"`
  const salesById = new Map(sales.map((s) => [s.linkId, Number(s.n)]))
  return links.map((l) => ({ ...l, sales: salesById.get(l.id) ?? 0 }))
}

/** Revokes the producer's own link; false when it is not theirs or already revoked. */
export async function revokePrivateLink(producerId: string, linkId: string, now: Date) {
  const { count } = await prisma.privateLink.updateMany({ where: { id: linkId, producerId, revokedAt: null }, data: { revokedAt: now } })
  return count === 1
}
