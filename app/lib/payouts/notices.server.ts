import { getEnv } from '~/lib/env.server'
import { formatMoney } from '~/lib/money'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import type { Tx } from '~/models/db.server'
import { queueEmail } from '~/models/outbox-email.server'
import { findOrderLinesForPayouts } from '~/models/payouts/payout-transfer.server'

// Producers' and collaborators' emails about their money: a sale, a refund, a dispute. Queued in
// the transaction that changes the ledger (the outbox); dedupe keys make a replay queue nothing.

interface Line {
  beatTitle: string
  tier: TierId
  paidCents: number
}

interface PayeeRow {
  orderItemId: string
  payeeKey: string
  payeeEmail: string
  amountCents: number
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function body(title: string, paragraphs: string[], items: string[]) {
  const ledger = `${getEnv().APP_URL}/studio/ledger`
  const text = [...paragraphs, '', ...items.map((i) => `- ${i}`), '', `Your ledger: ${ledger}`].join('\n')
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#16161d">
<div style="max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:bold;letter-spacing:1px;color:#6b5cff;margin:0 0 16px">BEATSTALL</p>
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>
<p><a href="${escapeHtml(ledger)}">Open your ledger</a></p>
<p style="font-size:12px;color:#666">You get this email because you sell or co-own beats at Beatstall.</p>
</div></body></html>`
  return { subject: title, text, html }
}

function byPayee<R extends PayeeRow>(rows: R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>()
  for (const row of rows) groups.set(row.payeeKey, [...(groups.get(row.payeeKey) ?? []), row])
  return groups
}

function lineText(line: Line, share: number, currency: string) {
  return `${line.beatTitle} — ${LICENSE_TIERS[line.tier].label} license — paid ${formatMoney(line.paidCents, currency)}, your share ${formatMoney(share, currency)}`
}

export async function queueSaleNotices(
  tx: Tx,
  order: { orderId: string; number: number; currency: string },
  rows: PayeeRow[],
  lines: Map<string, Line>,
) {
  for (const [payeeKey, mine] of byPayee(rows)) {
    const total = mine.reduce((s, r) => s + r.amountCents, 0)
    const mail = body(
      `You sold a license — ${formatMoney(total, order.currency)} is yours (order #${order.number})`,
      [
        `Order #${order.number} was paid. Your share, after the store's fee, is ${formatMoney(total, order.currency)}.`,
        'It is transferred to your connected Stripe account; until you connect one in the studio (Payouts) it waits in your ledger.',
      ],
      mine.map((r) => lineText(lines.get(r.orderItemId)!, r.amountCents, order.currency)),
    )
    await queueEmail(tx, { dedupeKey: `payout-sale:${order.orderId}:${payeeKey}`, kind: 'payout-sale', to: mine[0]!.payeeEmail, ...mail })
  }
}

export type PayoutEvent = 'refund' | 'dispute-opened' | 'dispute-won' | 'dispute-lost'

const WORDING: Record<PayoutEvent, { title: (n: number) => string; says: string }> = {
  refund: {
    title: (n) => `A license was refunded (order #${n})`,
    says: 'The buyer was refunded. Your share of these lines is taken back from your Stripe account (or, if it was not sent yet, will not be sent).',
  },
  'dispute-opened': {
    title: (n) => `A payment is disputed (order #${n})`,
    says: 'The buyer disputed the payment with their bank. Shares not sent yet are held until the dispute closes; a lost dispute takes back shares already sent.',
  },
  'dispute-won': {
    title: (n) => `Dispute won (order #${n})`,
    says: 'The dispute closed in the store’s favour. Held shares are sent to you now.',
  },
  'dispute-lost': {
    title: (n) => `Dispute lost (order #${n})`,
    says: 'The dispute closed in the buyer’s favour. Your share of these lines is taken back (or not sent).',
  },
}

/** A refund or a dispute's turn, to each payee the rows name. */
export async function queuePayoutNotices(tx: Tx, event: PayoutEvent, orderId: string, rows: PayeeRow[]) {
  if (!rows.length) return
  const order = await findOrderLinesForPayouts(tx, orderId)
  if (!order) return
  const lines = new Map(order.items.map((i) => [i.id, { beatTitle: i.beatTitle, tier: i.tier as TierId, paidCents: i.priceCents }]))
  for (const [payeeKey, mine] of byPayee(rows)) {
    const items = [...new Set(mine.map((r) => r.orderItemId))].sort()
    const mail = body(
      WORDING[event].title(order.number),
      [WORDING[event].says],
      mine.map((r) => lineText(lines.get(r.orderItemId)!, r.amountCents, order.currency)),
    )
    await queueEmail(tx, {
      dedupeKey: `payout-${event}:${orderId}:${payeeKey}:${items.join(',')}`.slice(0, 900),
      kind: `payout-${event}`,
      to: mine[0]!.payeeEmail,
      ...mail,
    })
  }
}
