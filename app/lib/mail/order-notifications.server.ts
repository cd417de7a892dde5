import type { Tx } from '~/lib/db.server'

// Placeholder until delivery lands (issue 4): each queues an email in the caller's transaction
// (the outbox), so a paid order and its receipt commit together.
export async function queueReceipt(_tx: Tx, _orderId: string): Promise<void> {}
export async function queueRefundNotice(_tx: Tx, _orderId: string): Promise<void> {}
export async function queueDisputeNotice(_tx: Tx, _orderId: string): Promise<void> {}
