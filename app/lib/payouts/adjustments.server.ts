import type { Tx } from '~/models/db.server'
import {
  holdOrderTransfers,
  listOrderPayees,
  releaseOrderTransfers,
  requestReversalOfOrder,
  requestReversalOfRefundedLines,
} from '~/models/payouts/payout-transfer.server'
import { queuePayoutNotices } from './notices.server'
import { nudgePayouts } from './transfer-job.server'

// Refunds and disputes as the ledger sees them, called in the transaction that records them:
// - a refunded line: its transfers not sent are cancelled, sent ones are reversed in full (each
//   payee gets back exactly what they were sent for the line, so the proportions hold);
// - a dispute opened: transfers not sent wait (HELD); sent ones stay until the outcome;
// - lost: as a refund of every line; won: held transfers go out (nothing was reversed before the
//   outcome, so nothing needs restoring). See docs/decisions/0016-payouts.md.

export async function reversePayoutsOfRefundedLines(tx: Tx, orderId: string): Promise<void> {
  const rows = await requestReversalOfRefundedLines(tx, orderId)
  await queuePayoutNotices(tx, 'refund', orderId, rows)
  if (rows.some((r) => r.status === 'PAID')) await nudgePayouts(tx, { orderId })
}

export async function holdPayoutsForDispute(tx: Tx, orderId: string): Promise<void> {
  await holdOrderTransfers(tx, orderId)
  await queuePayoutNotices(tx, 'dispute-opened', orderId, await listOrderPayees(tx, orderId))
}

export async function settlePayoutsAfterDispute(tx: Tx, orderId: string, won: boolean): Promise<void> {
  if (won) {
    await releaseOrderTransfers(tx, orderId)
    await queuePayoutNotices(tx, 'dispute-won', orderId, await listOrderPayees(tx, orderId))
  } else {
    await requestReversalOfOrder(tx, orderId)
    await queuePayoutNotices(tx, 'dispute-lost', orderId, await listOrderPayees(tx, orderId))
  }
  await nudgePayouts(tx, { orderId })
}

