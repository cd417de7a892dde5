import type Stripe from 'stripe'
import { getEnv } from '~/lib/env.server'
import { NotFoundError } from '~/lib/errors'
import { logger } from '~/lib/logger.server'
import { getStripe } from '~/lib/payments/stripe.server'
import { findPayoutAccount, saveConnectAccount, updateConnectStatus, type PayoutAccount } from '~/models/payouts/payout-account.server'
import { nudgePayoutsNow } from './transfer-job.server'

// Onboarding to Stripe Connect (Express). With Stripe keys: an account, then an account link the
// producer follows to Stripe and back; their status arrives by account.updated (and is read once
// on return, since a webhook may be late). Without keys: the stand-in connects at once, labelled
// test mode, and its transfers are recorded, never sent. Earnings that waited go out on connect.

export type ConnectStart = { kind: 'redirect'; url: string } | { kind: 'connected' }

export function standInAccountId(producerId: string) {
  return `acct_standin_${producerId.replace(/-/g, '').slice(0, 16)}`
}

export async function startConnect(producerId: string): Promise<ConnectStart> {
  const account = await findPayoutAccount(producerId)
  if (!account) throw new NotFoundError('No such producer.')
  const stripe = getStripe()
  if (!stripe) {
    await saveConnectAccount(producerId, { stripeAccountId: standInAccountId(producerId), standIn: true, detailsSubmitted: true, payoutsEnabled: true })
    await nudgePayoutsNow({ payeeProducerId: producerId })
    return { kind: 'connected' }
  }
  const accountId = account.stripeAccountId && !account.stripeStandIn ? account.stripeAccountId : await createAccount(stripe, account)
  const base = `${getEnv().APP_URL}/studio/payouts`
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: 'account_onboarding',
    refresh_url: `${base}?stripe=refresh`,
    return_url: `${base}?stripe=return`,
  })
  return { kind: 'redirect', url: link.url }
}

async function createAccount(stripe: Stripe, producer: PayoutAccount): Promise<string> {
  const created = await stripe.accounts.create(
    {
      type: 'express',
      email: producer.email,
      capabilities: { transfers: { requested: true } },
      metadata: { producer_id: producer.id },
    },
    // A double click makes one account (within Stripe's 24 h key window).
    { idempotencyKey: `connect-account:${producer.id}` },
  )
  const saved = await saveConnectAccount(producer.id, { stripeAccountId: created.id, standIn: false, detailsSubmitted: false, payoutsEnabled: false })
  return saved.stripeAccountId!
}

/**
 * Reads an account's current state from Stripe and records it; sends waiting earnings when it can
 * receive them. Used for account.updated (read fresh, so an old event delivered late cannot undo a
 * newer state) and when the producer comes back from Stripe.
 */
async function refreshConnectStatus(stripeAccountId: string): Promise<boolean> {
  const stripe = getStripe()
  if (!stripe) return false
  const account = await stripe.accounts.retrieve(stripeAccountId)
  const producerId = await updateConnectStatus(account.id, {
    detailsSubmitted: account.details_submitted ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
  })
  if (!producerId) {
    logger.info({ stripeAccountId }, 'account.updated for an account of no producer here; ignored')
    return false
  }
  if (account.payouts_enabled) await nudgePayoutsNow({ payeeProducerId: producerId })
  return true
}

/** The studio's return URL: the producer's own account, refreshed. */
export async function refreshOwnConnectStatus(producerId: string): Promise<void> {
  const account = await findPayoutAccount(producerId)
  if (account?.stripeAccountId && !account.stripeStandIn) await refreshConnectStatus(account.stripeAccountId)
}

/** account.updated (a Connect webhook event). */
export async function applyAccountUpdated(event: Stripe.Event): Promise<'account-updated' | 'unknown-account'> {
  const account = event.data.object as { id: string }
  return (await refreshConnectStatus(account.id)) ? 'account-updated' : 'unknown-account'
}
