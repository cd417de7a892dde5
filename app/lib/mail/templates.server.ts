import { formatMoney } from '~/lib/money'
import { describeTerms, LICENSE_TIERS, type TierId, type UsageTerms } from '~/lib/tiers'
import type { Adjustment } from '~/lib/pricing/price-order'

// Email bodies (text + HTML). Every value from the database goes through escapeHtml in the HTML
// part, so a beat titled `<b>Night</b>` arrives as text, never markup.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export interface MailBody {
  subject: string
  text: string
  html: string
}

interface ReceiptLine {
  beatTitle: string
  producerName: string
  tier: TierId
  priceCents: number
  /** With adjustments: the list price and what took it down to priceCents (the amount paid). */
  listPriceCents?: number
  adjustments?: Adjustment[]
  terms: UsageTerms | null
}

/** "List price $25.00; Buy 2 Basic, get 1 free (Mara Sol) −$25.00" for a discounted line, else null. */
function discountText(l: ReceiptLine, currency: string): string | null {
  if (!l.adjustments?.length || l.listPriceCents === undefined) return null
  return [`List price ${money(l.listPriceCents, currency)}`, ...l.adjustments.map((a) => `${a.label} −${money(a.cents, currency)}`)].join('; ')
}

export interface ReceiptData {
  number: number
  buyerName: string | null
  totalCents: number
  currency: string
  paidAt: Date
  lines: ReceiptLine[]
  orderLink: string
}

export function layout(title: string, inner: string): string {
  return `<!doctype html><html><body style="margin:0;background:#f4f4f7;font-family:Arial,Helvetica,sans-serif;color:#16161d">
<div style="max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:bold;letter-spacing:1px;color:#6b5cff;margin:0 0 16px">BEATSTALL</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>
${inner}
<p style="font-size:12px;color:#666;margin-top:32px">You get this email because an order was placed with this address at Beatstall.</p>
</div></body></html>`
}

export function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="background:#6b5cff;color:#fff;padding:12px 20px;border-radius:999px;text-decoration:none;font-weight:bold">${escapeHtml(label)}</a></p>`
}

const money = (cents: number, currency: string) => formatMoney(cents, currency)

export function receiptEmail(d: ReceiptData): MailBody {
  const subject = `Your Beatstall receipt — order #${d.number}`
  const greeting = d.buyerName ? `Hi ${d.buyerName},` : 'Hi,'
  const textLines = d.lines.map(
    (l) =>
      `- ${l.beatTitle} by ${l.producerName} — ${LICENSE_TIERS[l.tier].label} license (${LICENSE_TIERS[l.tier].files.join(', ')}) — ${money(l.priceCents, d.currency)}` +
      (discountText(l, d.currency) ? `\n  ${discountText(l, d.currency)}; paid ${money(l.priceCents, d.currency)}` : '') +
      (l.terms ? `\n  ${describeTerms(l.terms).join('; ')}` : ''),
  )
  const text = [
    greeting,
    '',
    `Thanks for your order #${d.number}, paid ${d.paidAt.toUTCString()}.`,
    '',
    ...textLines,
    '',
    `Total: ${money(d.totalCents, d.currency)}`,
    '',
    `Download your files and license PDFs (link valid 30 minutes; you can ask for a fresh one any time at the order page):`,
    d.orderLink,
  ].join('\n')
  const rows = d.lines
    .map(
      (l) => `<tr>
<td style="padding:8px 0;border-bottom:1px solid #ddd"><strong>${escapeHtml(l.beatTitle)}</strong><br><span style="color:#555">by ${escapeHtml(l.producerName)} · ${escapeHtml(LICENSE_TIERS[l.tier].label)} license (${escapeHtml(LICENSE_TIERS[l.tier].files.join(', '))})</span>${
        l.terms ? `<br><span style="color:#777;font-size:12px">${escapeHtml(describeTerms(l.terms).join(' · '))}</span>` : ''
      }${discountText(l, d.currency) ? `<br><span style="color:#1a7f4b;font-size:13px">${escapeHtml(discountText(l, d.currency)!)}; paid ${escapeHtml(money(l.priceCents, d.currency))}</span>` : ''}</td>
<td style="padding:8px 0;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap">${escapeHtml(money(l.priceCents, d.currency))}</td></tr>`,
    )
    .join('')
  const html = layout(
    `Receipt for order #${d.number}`,
    `<p>${escapeHtml(greeting)}</p><p>Thanks for your order #${d.number}, paid ${escapeHtml(d.paidAt.toUTCString())}.</p>
<table style="width:100%;border-collapse:collapse">${rows}
<tr><td style="padding:8px 0"><strong>Total</strong></td><td style="padding:8px 0;text-align:right"><strong>${escapeHtml(money(d.totalCents, d.currency))}</strong></td></tr></table>
${button(d.orderLink, 'Download your files')}
<p style="font-size:13px;color:#555">The link works for 30 minutes. Later, ask for a fresh one on the store's order page.</p>`,
  )
  return { subject, text, html }
}

export function orderLinkEmail(link: string): MailBody {
  const subject = 'Your Beatstall order link'
  const text = [
    'Here is the link to your orders and downloads (valid for 30 minutes):',
    link,
    '',
    'If you did not ask for it, you can ignore this email.',
  ].join('\n')
  const html = layout(
    'Your orders and downloads',
    `<p>Here is the link to your orders and downloads. It works for 30 minutes.</p>${button(link, 'Open my orders')}
<p style="font-size:13px;color:#555">If you did not ask for it, you can ignore this email.</p>`,
  )
  return { subject, text, html }
}

export interface NoticeData {
  number: number
  lines: { beatTitle: string; tier: TierId }[]
  orderLink: string
}

export function refundNoticeEmail(d: NoticeData): MailBody {
  const subject = `Refund for order #${d.number}`
  const list = d.lines.map((l) => `${l.beatTitle} (${LICENSE_TIERS[l.tier].label})`)
  const text = [
    `Order #${d.number} was refunded for these licenses:`,
    ...list.map((l) => `- ${l}`),
    '',
    'The refunded licenses are no longer valid, and their files can no longer be downloaded.',
    `Your orders: ${d.orderLink}`,
  ].join('\n')
  const html = layout(
    `Refund for order #${d.number}`,
    `<p>Order #${d.number} was refunded for these licenses:</p><ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<p>The refunded licenses are no longer valid, and their files can no longer be downloaded.</p>${button(d.orderLink, 'View your orders')}`,
  )
  return { subject, text, html }
}

export function disputeNoticeEmail(d: NoticeData): MailBody {
  const subject = `Payment dispute opened for order #${d.number}`
  const text = [
    `A payment dispute was opened for order #${d.number}. While it is open, downloads for this order are paused.`,
    'If the dispute is resolved in your favour, they come back automatically.',
    `Your orders: ${d.orderLink}`,
  ].join('\n')
  const html = layout(
    `Dispute opened for order #${d.number}`,
    `<p>A payment dispute was opened for order #${d.number}. While it is open, downloads for this order are paused.</p>
<p>If the dispute is resolved in your favour, they come back automatically.</p>${button(d.orderLink, 'View your orders')}`,
  )
  return { subject, text, html }
}
