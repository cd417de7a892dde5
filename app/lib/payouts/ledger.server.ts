import { stringify } from 'csv-stringify/sync'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { listLedgerRows } from '~/models/payouts/payout-transfer.server'

// The producer's payout ledger: per sold line, gross (list price), discount, paid, the platform fee
// and every payee's share with its transfer; the lines of other producers' beats where the viewer
// is a collaborator show the viewer's share only. Monthly totals count the viewer's own shares.

export interface LedgerShare {
  payee: string
  mine: boolean
  role: string
  percent: number
  amountCents: number
  status: string
  stripeTransferId: string | null
  stripeReversalIds: string[]
  reversedCents: number
  attempts: number
  lastError: string | null
}

export interface LedgerLine {
  orderItemId: string
  orderNumber: number
  date: string
  beatTitle: string
  ownerName: string
  ownLine: boolean
  tier: string
  currency: string
  grossCents: number
  discountCents: number
  paidCents: number
  platformFeeCents: number
  shares: LedgerShare[]
}

export interface MonthTotal {
  month: string
  earnedCents: number
  transferredCents: number
  waitingCents: number
  reversedCents: number
}

const MONTHS_SHOWN = 12

export async function getLedger(viewer: { id: string; email: string }, now = new Date()) {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS_SHOWN - 1), 1))
  const rows = await listLedgerRows(viewer, since)
  const lines = new Map<string, LedgerLine>()
  const months = new Map<string, MonthTotal>()
  for (const row of rows) {
    const mine = row.payeeProducerId === viewer.id || row.payeeEmail === viewer.email
    const item = row.orderItem
    let line = lines.get(row.orderItemId)
    if (!line) {
      line = {
        orderItemId: row.orderItemId,
        orderNumber: item.order.number,
        date: row.createdAt.toISOString(),
        beatTitle: item.beatTitle,
        ownerName: item.producerName,
        ownLine: item.producerId === viewer.id,
        tier: LICENSE_TIERS[item.tier as TierId].label,
        currency: row.currency,
        grossCents: item.listPriceCents,
        discountCents: item.listPriceCents - item.priceCents,
        paidCents: item.priceCents,
        platformFeeCents: row.lineFeeCents,
        shares: [],
      }
      lines.set(row.orderItemId, line)
    }
    line.shares.push({
      payee: row.payee?.displayName ?? row.payeeEmail,
      mine,
      role: row.role,
      percent: row.percent,
      amountCents: row.amountCents,
      status: row.status,
      stripeTransferId: row.stripeTransferId,
      stripeReversalIds: row.stripeReversalIds,
      reversedCents: row.reversedCents,
      attempts: row.attempts,
      lastError: row.lastError,
    })
    if (!mine) continue
    const month = row.createdAt.toISOString().slice(0, 7)
    const total = months.get(month) ?? { month, earnedCents: 0, transferredCents: 0, waitingCents: 0, reversedCents: 0 }
    if (row.status === 'REVERSED') total.reversedCents += row.amountCents
    else {
      total.earnedCents += row.amountCents
      if (row.status === 'PAID') total.transferredCents += row.amountCents
      else total.waitingCents += row.amountCents
    }
    months.set(month, total)
  }
  return { lines: [...lines.values()], months: [...months.values()].sort((a, b) => b.month.localeCompare(a.month)) }
}

function cell(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

const amount = (cents: number) => (cents / 100).toFixed(2)

export async function ledgerCsv(viewer: { id: string; email: string }, now = new Date()): Promise<string> {
  const { lines } = await getLedger(viewer, now)
  return stringify(
    lines.flatMap((l) =>
      l.shares.map((s) => [
        l.date.slice(0, 7),
        l.date,
        l.orderNumber,
        cell(l.beatTitle),
        l.tier,
        l.currency.toUpperCase(),
        amount(l.grossCents),
        amount(l.discountCents),
        amount(l.paidCents),
        amount(l.platformFeeCents),
        cell(s.payee),
        s.role,
        s.percent,
        amount(s.amountCents),
        s.status,
        s.stripeTransferId ?? '',
        s.stripeReversalIds.join(' '),
        cell(s.lastError ?? ''),
      ]),
    ),
    {
      header: true,
      columns: ['month', 'date', 'order', 'beat', 'license', 'currency', 'gross', 'discount', 'paid', 'platform_fee', 'payee', 'role', 'percent', 'share', 'status', 'stripe_transfer_id', 'stripe_reversal_ids', 'last_error'],
    },
  )
}
