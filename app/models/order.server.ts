import type { LicenseTier, OrderItemStatus, OrderStatus } from '~/generated/prisma/enums'
import type { InputJsonValue } from '~/generated/prisma/internal/prismaNamespace'
import { prisma, type Tx } from '~/lib/db.server'
import type { LicenseTermsSnapshot } from '~/lib/tiers'

type Db = Tx | typeof prisma

export interface NewOrderItem {
  beatId: string
  producerId: string
  tier: LicenseTier
  priceCents: number
  beatTitle: string
  producerName: string
  termsSnapshot: LicenseTermsSnapshot
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

export const orderItemSelect = {
  ...orderLineLicenseSelect,
  position: true,
  beatId: true,
  producerId: true,
  priceCents: true,
  refundedAt: true,
} as const

export const orderSelect = {
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
export type { OrderItemStatus, OrderStatus }

/**
 * Moves an order between states only from the listed ones: the conditional UPDATE is what makes
 * concurrent fulfilment safe (a second caller finds nothing to update). Returns whether it moved.
 */
export async function transitionOrder(
  db: Db,
  orderId: string,
  from: OrderStatus[],
  data: {
    status: OrderStatus
    paidAt?: Date
    refundedAt?: Date
    disputedAt?: Date | null
    email?: string | null
    buyerName?: string | null
    stripePaymentIntentId?: string | null
    stripeCheckoutSessionId?: string
  },
): Promise<boolean> {
  const { count } = await db.multiItemOrder.updateMany({ where: { id: orderId, status: { in: from } }, data })
  return count === 1
}

export async function flagOrder(db: Db, orderId: string, reason: string) {
  await db.multiItemOrder.updateMany({ where: { id: orderId }, data: { flaggedReason: reason } })
}

export async function saveTestCheckoutState(orderId: string, state: InputJsonValue, db: Db = prisma) {
  await db.multiItemOrder.update({ where: { id: orderId }, data: { testCheckout: state }, select: { id: true } })
}
