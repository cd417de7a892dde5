import { prisma } from '~/models/db.server'

// A producer's Stripe Connect state: the Express account, and what Stripe last said about it
// (account.updated). A stand-in account (no Stripe keys) is connected and enabled at once.

export interface PayoutAccount {
  id: string
  email: string
  displayName: string
  stripeAccountId: string | null
  stripeDetailsSubmitted: boolean
  stripePayoutsEnabled: boolean
  stripeStandIn: boolean
}

const accountSelect = {
  id: true,
  email: true,
  displayName: true,
  stripeAccountId: true,
  stripeDetailsSubmitted: true,
  stripePayoutsEnabled: true,
  stripeStandIn: true,
} as const

export function findPayoutAccount(producerId: string): Promise<PayoutAccount | null> {
  return prisma.producer.findUnique({ where: { id: producerId }, select: accountSelect })
}

/** Records a new account id once: a second click while the first is saved keeps the first. */
export async function saveConnectAccount(
  producerId: string,
  account: { stripeAccountId: string; standIn: boolean; detailsSubmitted: boolean; payoutsEnabled: boolean },
): Promise<PayoutAccount> {
  await prisma.producer.updateMany({
    where: { id: producerId, OR: [{ stripeAccountId: null }, { stripeStandIn: true, NOT: { stripeAccountId: account.stripeAccountId } }] },
    data: {
      stripeAccountId: account.stripeAccountId,
      stripeStandIn: account.standIn,
      stripeDetailsSubmitted: account.detailsSubmitted,
      stripePayoutsEnabled: account.payoutsEnabled,
    },
  })
  return prisma.producer.findUniqueOrThrow({ where: { id: producerId }, select: accountSelect })
}

/** account.updated: returns the producer whose account it is (null for an account not ours). */
export async function updateConnectStatus(
  stripeAccountId: string,
  status: { detailsSubmitted: boolean; payoutsEnabled: boolean },
): Promise<string | null> {
  const producer = await prisma.producer.findUnique({ where: { stripeAccountId }, select: { id: true } })
  if (!producer) return null
  await prisma.producer.update({
    where: { id: producer.id },
    data: { stripeDetailsSubmitted: status.detailsSubmitted, stripePayoutsEnabled: status.payoutsEnabled },
    select: { id: true },
  })
  return producer.id
}
