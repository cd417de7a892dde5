import { prisma, type Tx } from '~/models/db.server'

// Coupon codes and their holds. A hold is one use, taken inside the checkout transaction; it
// counts while its order is open or paid, so an order that expires or fails gives it back without
// another write (the expiry sweep and the webhook already move those orders).

type Db = Tx | typeof prisma

const couponSelect = {
  id: true,
  code: true,
  producerId: true,
  percentOff: true,
  amountOffCents: true,
  startsAt: true,
  endsAt: true,
  maxUses: true,
  oncePerEmail: true,
  minLines: true,
  minSubtotalCents: true,
  tiers: true,
  beatIds: true,
  stacksWithDeals: true,
  includeExclusive: true,
  createdAt: true,
  producer: { select: { displayName: true } },
} as const

export type CouponRow = Awaited<ReturnType<typeof findCouponByCode>> & {}

export interface NewCoupon {
  code: string
  producerId: string | null
  percentOff: number | null
  amountOffCents: number | null
  startsAt: Date
  endsAt: Date | null
  maxUses: number | null
  oncePerEmail: boolean
  minLines: number | null
  minSubtotalCents: number | null
  tiers: string[]
  beatIds: string[]
  stacksWithDeals: boolean
  includeExclusive: boolean
}

/** Order statuses whose hold still counts as a use. */
const COUNTING = ['PENDING', 'PAID', 'DISPUTED', 'REFUNDED'] as const

export function createCoupon(input: NewCoupon, db: Db = prisma) {
  return db.coupon.create({ data: input, select: couponSelect })
}

export function findCouponByCode(code: string, db: Db = prisma) {
  return db.coupon.findUnique({ where: { code }, select: couponSelect })
}

export function isCodeTaken(code: string, db: Db = prisma) {
  return db.coupon.count({ where: { code } }).then((n) => n > 0)
}

/** A producer's codes (or the store-wide ones for null), newest first, with their counted uses. */
export async function listCoupons(producerId: string | null, db: Db = prisma) {
  const rows = await db.coupon.findMany({ where: { producerId }, select: couponSelect, orderBy: { createdAt: 'desc' } })
  const uses = await db.couponHold.groupBy({
    by: ['couponId'],
    where: { couponId: { in: rows.map((r) => r.id) }, order: { status: { in: [...COUNTING] } } },
    _count: { _all: true },
  })
  const byId = new Map(uses.map((u) => [u.couponId, u._count._all]))
  return rows.map((r) => ({ ...r, uses: byId.get(r.id) ?? 0 }))
}

/** Ends the producer's code now unless it has already ended. */
export async function endCoupon(producerId: string | null, couponId: string, now: Date, db: Db = prisma): Promise<boolean> {
  const { count } = await db.coupon.updateMany({
    where: { id: couponId, producerId, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    data: { endsAt: now },
  })
  return count === 1
}

export type HoldResult = 'held' | 'used-up' | 'used-by-email'

/**
 * Takes one use of the code for an order (call inside the checkout transaction, after the order
 * row exists). The coupon row is locked first, so concurrent checkouts count holds one at a time:
 * holds of open or paid orders never pass maxUses.
 */
export async function holdCouponUse(
  tx: Tx,
  input: { couponId: string; orderId: string; email: string | null; maxUses: number | null; oncePerEmail: boolean },
): Promise<HoldResult> {
  await tx.$queryRaw`SELECT id FROM "Coupon" WHERE id = ${input.couponId}::uuid FOR UPDATE`
  if (input.maxUses !== null) {
    const [row] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "CouponHold" h JOIN "MultiItemOrder" o ON o.id = h."orderId"
      WHERE h."couponId" = ${input.couponId}::uuid AND o.status::text IN ('PENDING', 'PAID', 'DISPUTED', 'REFUNDED')`
    if (row!.n >= input.maxUses) return 'used-up'
  }
  if (input.oncePerEmail && input.email) {
    const [row] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "CouponHold" h JOIN "MultiItemOrder" o ON o.id = h."orderId"
      WHERE h."couponId" = ${input.couponId}::uuid AND h.email = ${input.email}
        AND o.status::text IN ('PENDING', 'PAID', 'DISPUTED', 'REFUNDED')`
    if (row!.n > 0) return 'used-by-email'
  }
  await tx.couponHold.create({ data: { couponId: input.couponId, orderId: input.orderId, email: input.email } })
  return 'held'
}

/** Uses counted now (open or paid orders), for the refusal sentence and the lists. */
export async function countCouponUses(couponId: string, db: Db = prisma): Promise<number> {
  return db.couponHold.count({ where: { couponId, order: { status: { in: [...COUNTING] } } } })
}
