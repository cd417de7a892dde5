import { createHash } from 'node:crypto'
import type Stripe from 'stripe'
import { logger } from '~/lib/logger.server'
import { getStripe } from '~/lib/payments/stripe.server'
import { prisma } from '~/models/db.server'
import {
  linkInvitedPayees,
  listWorkableTransferIds,
  lockTransferForWork,
  markReversalFailed,
  markReversed,
  markTransferFailed,
  markTransferred,
  type LockedTransfer,
} from '~/models/payouts/payout-transfer.server'

// Moving money for ledger rows. Each row is worked in its own transaction that holds the row's
// lock across the Stripe call, and every call carries an idempotency key made from the row:
//   transfer:<orderItemId>:<payeeKey>           one transfer per line and payee, ever
//   reversal:<rowId>:<amount reversed before>   one reversal per refund of that row
// So two workers never work one row at once, and a worker killed after Stripe made the transfer but
// before its commit leaves the row PENDING; the next attempt sends the same key and Stripe answers
// with the transfer it already made.
// Stripe also replays a *refusal* for its key (insufficient balance, account not enabled), so after
// a definite refusal (a 4xx answer: no transfer exists) the key gets a suffix `:r<refusals>`. An
// unclear failure (network, 5xx, 409) keeps the key: the transfer may exist.

export interface PayoutScope {
  orderId?: string
  payeeProducerId?: string
}

type Outcome = 'sent' | 'reversed' | 'failed' | 'waiting' | 'busy' | 'done'

const STAND_IN_PREFIX = 'tr_standin_'
const WORK_TX = { maxWait: 10_000, timeout: 60_000 }

function transferIdempotencyKey(row: { orderItemId: string; payeeKey: string; refusals: number }) {
  return `transfer:${row.orderItemId}:${row.payeeKey}${row.refusals ? `:r${row.refusals}` : ''}`
}

export async function processPayouts(scope: PayoutScope): Promise<Record<Outcome, number>> {
  await linkInvitedPayees()
  const counts: Record<Outcome, number> = { sent: 0, reversed: 0, failed: 0, waiting: 0, busy: 0, done: 0 }
  const stripe = getStripe()
  const charges = new Map<string, string | null>()
  for (const id of await listWorkableTransferIds(scope)) counts[await workRow(id, stripe, charges)]++
  if (counts.sent || counts.reversed || counts.failed) logger.info({ scope, ...counts }, 'payouts worked')
  return counts
}

function workRow(id: string, stripe: Stripe | null, charges: Map<string, string | null>): Promise<Outcome> {
  return prisma.$transaction(async (tx): Promise<Outcome> => {
    const row = await lockTransferForWork(tx, id)
    if (!row) return 'busy'
    if (row.reverseRequestedAt) {
      if (row.status !== 'PAID') return 'done'
      try {
        await markReversed(tx, row.id, await reverse(stripe, row))
        return 'reversed'
      } catch (error) {
        await markReversalFailed(tx, row.id, describe(error))
        return 'failed'
      }
    }
    if (row.status !== 'PENDING' && row.status !== 'FAILED') return 'done'
    if (row.amountCents === 0) {
      await markTransferred(tx, row.id, null)
      return 'sent'
    }
    // A stand-in account takes stand-in transfers only; with Stripe keys it must connect for real.
    if (!row.stripeAccountId || !row.payoutsEnabled || row.standIn !== !stripe) return 'waiting'
    try {
      await markTransferred(tx, row.id, await transfer(stripe, row, charges))
      return 'sent'
    } catch (error) {
      await markTransferFailed(tx, row.id, describe(error), isRefusal(error))
      logger.warn({ transferRow: row.id, err: error }, 'payout transfer failed; the job retries')
      return 'failed'
    }
  }, WORK_TX)
}

async function transfer(stripe: Stripe | null, row: LockedTransfer, charges: Map<string, string | null>): Promise<string> {
  const key = transferIdempotencyKey(row)
  if (!stripe) return STAND_IN_PREFIX + createHash('sha256').update(key).digest('hex').slice(0, 24)
  const charge = await chargeOf(stripe, row.paymentIntentId, charges)
  const made = await stripe.transfers.create(
    {
      amount: row.amountCents,
      currency: row.currency,
      destination: row.stripeAccountId!,
      transfer_group: row.orderId,
      // The funds come from this charge when it settles, not from whatever balance is available.
      ...(charge ? { source_transaction: charge } : {}),
      metadata: { order_id: row.orderId, order_item_id: row.orderItemId, payee: row.payeeKey },
    },
    { idempotencyKey: key },
  )
  return made.id
}

async function reverse(stripe: Stripe | null, row: LockedTransfer): Promise<{ id: string; amountCents: number } | null> {
  const amountCents = row.amountCents - row.reversedCents
  if (!row.stripeTransferId || amountCents <= 0) return null
  if (row.stripeTransferId.startsWith(STAND_IN_PREFIX)) return { id: `trr_standin_${row.id.slice(0, 8)}_${row.reversedCents}`, amountCents }
  if (!stripe) throw new Error('A Stripe transfer cannot be reversed without STRIPE_SECRET_KEY.')
  const reversal = await stripe.transfers.createReversal(
    row.stripeTransferId,
    { amount: amountCents, metadata: { order_item_id: row.orderItemId, payee: row.payeeKey } },
    { idempotencyKey: `reversal:${row.id}:${row.reversedCents}` },
  )
  return { id: reversal.id, amountCents: reversal.amount }
}

/** The PaymentIntent's charge (source_transaction), once per run. */
async function chargeOf(stripe: Stripe, paymentIntentId: string | null, cache: Map<string, string | null>): Promise<string | null> {
  if (!paymentIntentId) return null
  if (!cache.has(paymentIntentId)) {
    const intent = await stripe.paymentIntents.retrieve(paymentIntentId)
    const charge = intent.latest_charge
    cache.set(paymentIntentId, typeof charge === 'string' ? charge : (charge?.id ?? null))
  }
  return cache.get(paymentIntentId)!
}

/** Stripe answered and made nothing (not a timeout, a 5xx, a rate limit or a concurrent request). */
function isRefusal(error: unknown): boolean {
  const status = (error as { statusCode?: number } | null)?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 409 && status !== 429
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const code = 'code' in error && error.code ? `${String(error.code)}: ` : ''
    return `${code}${String(error.message)}`
  }
  return String(error)
}
