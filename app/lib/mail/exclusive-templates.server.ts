import { button, escapeHtml, layout, type MailBody } from './templates.server'

// Emails about exclusive sales: to earlier lease holders (they keep their licenses) and to the
// producer when a second payment for a sold Exclusive was refunded.

export function soldExclusivelyEmail(d: { beatTitle: string; producerName: string; orderLink: string }): MailBody {
  const subject = `“${d.beatTitle}” was sold exclusively`
  const lines = [
    `${d.producerName} sold the exclusive rights to “${d.beatTitle}”. It is no longer for sale.`,
    'Your license stays valid: you keep every right it gave you, and your files stay available.',
  ]
  const text = [...lines, `Your orders: ${d.orderLink}`].join('\n')
  const html = layout(subject, `${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}${button(d.orderLink, 'View your orders')}`)
  return { subject, text, html }
}

export function duplicateExclusiveEmail(d: { beatTitle: string; orderNumber: number; soldToOrder: number | null }): MailBody {
  const subject = `A second payment for the Exclusive of “${d.beatTitle}” was refunded`
  const lines = [
    `Order #${d.orderNumber} paid for the Exclusive of “${d.beatTitle}” after it had been sold${d.soldToOrder ? ` (order #${d.soldToOrder})` : ''}.`,
    'The store refunded that payment automatically and revoked its license. The first buyer keeps the Exclusive.',
    'Nothing needs doing; the order is flagged in your sales so you can reply if the buyer writes.',
  ]
  const text = lines.join('\n')
  const html = layout(subject, lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n'))
  return { subject, text, html }
}
