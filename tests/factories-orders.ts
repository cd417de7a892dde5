import { randomBytes } from 'node:crypto'
import type { LicenseTier, OrderItemStatus, OrderStatus } from '~/generated/prisma/enums'
import { prisma } from '~/models/db.server'
import { LICENSE_TIERS, snapshotTerms } from '~/lib/tiers'
import { makeBeat } from './factories'

// Paid orders made directly with Prisma (the delivery tests do not go through checkout).

export interface OrderLineInput {
  beatId?: string
  tier: LicenseTier
  status?: OrderItemStatus
  beatTitle?: string
}

export async function makePaidOrder(
  input: {
    email?: string
    buyerName?: string | null
    status?: OrderStatus
    lines?: OrderLineInput[]
    createdAt?: Date
  } = {},
) {
  const email = input.email ?? `buyer-${randomBytes(4).toString('hex')}@example.test`
  const lines = input.lines ?? [{ tier: 'BASIC' }, { tier: 'TRACKOUT' }]
  const resolved = []
  for (const line of lines) {
    const beat = line.beatId
      ? await prisma.beat.findUniqueOrThrow({ where: { id: line.beatId }, select: { id: true, title: true, producerId: true, producer: { select: { displayName: true } } } })
      : await (async () => {
          const b = await makeBeat(line.beatTitle ? { title: line.beatTitle } : {})
          return prisma.beat.findUniqueOrThrow({ where: { id: b.id }, select: { id: true, title: true, producerId: true, producer: { select: { displayName: true } } } })
        })()
    resolved.push({ line, beat })
  }
  const total = resolved.reduce((sum, r) => sum + LICENSE_TIERS[r.line.tier].defaultPriceCents, 0)
  const status = input.status ?? 'PAID'
  const now = input.createdAt ?? new Date()
  return prisma.multiItemOrder.create({
    data: {
      status,
      email,
      buyerName: input.buyerName === undefined ? 'Ada Artist' : input.buyerName,
      totalCents: total,
      paidAt: status === 'PENDING' || status === 'EXPIRED' || status === 'FAILED' ? null : now,
      createdAt: now,
      items: {
        create: resolved.map(({ line, beat }, position) => ({
          position,
          beatId: beat.id,
          producerId: beat.producerId,
          tier: line.tier,
          priceCents: LICENSE_TIERS[line.tier].defaultPriceCents,
          listPriceCents: LICENSE_TIERS[line.tier].defaultPriceCents,
          beatTitle: beat.title,
          producerName: beat.producer.displayName,
          termsSnapshot: JSON.parse(JSON.stringify(snapshotTerms(line.tier, LICENSE_TIERS[line.tier].defaultTerms))),
          status: line.status ?? 'ACTIVE',
        })),
      },
    },
    select: {
      id: true,
      number: true,
      email: true,
      status: true,
      items: { orderBy: { position: 'asc' }, select: { id: true, tier: true, beatId: true, beatTitle: true } },
    },
  })
}
