import type { LicenseTier } from '~/generated/prisma/enums'
import type { InputJsonValue } from '~/generated/prisma/internal/prismaNamespace'
import { prisma, type Tx } from '~/models/db.server'
import type { LicenseTermsSnapshot } from '~/lib/tiers'
import type { Adjustment } from '~/lib/pricing/price-order'

// The order's reads and its insert. State changes are in ./transitions.server.ts, the paid
// completion in ./completion.server.ts.

export type Db = Tx | typeof prisma

export interface NewOrderItem {
  beatId: string
  producerId: string
  tier: LicenseTier
  /** Paid for the line, from priceOrder. */
  priceCents: number
  listPriceCents: number
  adjustments: Adjustment[]
  privateLinkId?: string | null
  beatTitle: string
  producerName: string
  termsSnapshot: LicenseTermsSnapshot
  /** Upgrade lines: the line this one replaces. */
  supersedesItemId?: string | null
  /** The contract frozen at checkout (app/lib/contracts/freeze.server.ts); absent on older paths. */
  contractTemplate?: string
  contractValues?: Record<string, string>
}

/** A PENDING order with its items, written together (call inside a transaction). */
export async function insertPendingOrder(
  db: Db,
  input: { currency: string; email: string | null; items: NewOrderItem[] },
) {
  return db.multiItemOrder.create({
    data: {
      status: 'PENDING',
      currency: input.currency,
      email: input.email,
      totalCents: input.items.reduce((sum, i) => sum + i.priceCents, 0),
      items: {
        create: input.items.map((item, position) => ({
          ...item,
          position,
          termsSnapshot: item.termsSnapshot as unknown as InputJsonValue,
          adjustments: item.adjustments as unknown as InputJsonValue,
        })),
      },
    },
    select: orderSelect,
  })
}

/** A line's frozen license: what the download decision, the zip and the license PDF all read. */
export const orderLineLicenseSelect = {
  id: true,
  tier: true,
  status: true,
  beatTitle: true,
  producerName: true,
  termsSnapshot: true,
} as const

const orderItemSelect = {
  ...orderLineLicenseSelect,
  position: true,
  beatId: true,
  producerId: true,
  priceCents: true,
  listPriceCents: true,
  adjustments: true,
  refundedAt: true,
} as const

const orderSelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  totalCents: true,
  email: true,
  buyerName: true,
  stripeCheckoutSessionId: true,
  stripePaymentIntentId: true,
  checkoutExpiresAt: true,
  paidAt: true,
  flaggedReason: true,
  testCheckout: true,
  createdAt: true,
  items: { select: orderItemSelect, orderBy: { position: 'asc' } },
} as const

export async function attachCheckoutSession(orderId: string, sessionId: string, expiresAt: Date, db: Db = prisma) {
  await db.multiItemOrder.update({
    where: { id: orderId },
    data: { stripeCheckoutSessionId: sessionId, checkoutExpiresAt: expiresAt },
    select: { id: true },
  })
}

export function findOrderBySessionId(sessionId: string, db: Db = prisma) {
  return db.multiItemOrder.findUnique({ where: { stripeCheckoutSessionId: sessionId }, select: orderSelect })
}

export function findOrderById(orderId: string, db: Db = prisma) {
  return db.multiItemOrder.findUnique({ where: { id: orderId }, select: orderSelect })
}

export function findOrderByPaymentIntent(paymentIntentId: string, db: Db = prisma) {
  return db.multiItemOrder.findUnique({ where: { stripePaymentIntentId: paymentIntentId }, select: orderSelect })
}

export type OrderWithItems = NonNullable<Awaited<ReturnType<typeof findOrderById>>>

export async function saveTestCheckoutState(orderId: string, state: InputJsonValue, db: Db = prisma) {
  await db.multiItemOrder.update({ where: { id: orderId }, data: { testCheckout: state }, select: { id: true } })
}

/** What a refund decides from: the order's state and its lines, latest first. */
export function findOrderForRefund(orderId: string, db: Db) {
  return db.multiItemOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      totalCents: true,
      items: { select: { id: true, priceCents: true, status: true, position: true }, orderBy: { position: 'desc' } },
    },
  })
}

/** What a paid session is checked against when the completion moved nothing. */
export function findOrderPaymentFacts(orderId: string, db: Db = prisma) {
  return db.multiItemOrder.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, totalCents: true, currency: true, stripeCheckoutSessionId: true },
  })
}

/** An order as the emails about it show it (receipt, refund and dispute notices). */
export function findOrderForMail(orderId: string, db: Db = prisma) {
  return db.multiItemOrder.findUnique({
    where: { id: orderId },
    select: {
      number: true,
      email: true,
      buyerName: true,
      totalCents: true,
      currency: true,
      paidAt: true,
      createdAt: true,
      refundedAt: true,
      disputedAt: true,
      items: {
        orderBy: { position: 'asc' },
        select: { beatTitle: true, producerName: true, tier: true, priceCents: true, listPriceCents: true, adjustments: true, termsSnapshot: true, status: true, refundedAt: true },
      },
    },
  })
}

/** Whether an address (any case) has an order worth an order-page link: paid once, whatever since. */
export async function hasOrdersForEmail(email: string, db: Db = prisma): Promise<boolean> {
  const found = await db.multiItemOrder.findFirst({
    where: { email: { equals: email, mode: 'insensitive' }, status: { in: ['PAID', 'REFUNDED', 'DISPUTED'] } },
    select: { id: true },
  })
  return found !== null
}
