import { orderIdOf } from '~/lib/payments/stripe-event.server'
import { getStripe } from '~/lib/payments/stripe.server'
import { findOrderPaymentFacts } from '~/models/order/order.server'
import { fulfilCheckoutSession } from './completion.server'

// For the day a webhook is lost: walk Stripe's recent Checkout Sessions and fulfil the paid ones
// the store has not recorded. Uses the same fulfilment as the webhook, so running it twice (or
// alongside a late webhook) is harmless.

export interface ReconcileReport {
  mode: 'test-checkout' | 'stripe'
  checked: number
  actions: { sessionId: string; orderId: string | null; action: string }[]
}

export async function reconcile({ apply, sinceHours = 72 }: { apply: boolean; sinceHours?: number }): Promise<ReconcileReport> {
  const stripe = getStripe()
  if (!stripe) return { mode: 'test-checkout', checked: 0, actions: [] }
  const since = Math.floor(Date.now() / 1000) - sinceHours * 3600
  const report: ReconcileReport = { mode: 'stripe', checked: 0, actions: [] }
  for await (const session of stripe.checkout.sessions.list({ created: { gte: since }, limit: 100 })) {
    report.checked++
    if (session.payment_status !== 'paid') continue
    const orderId = session.metadata?.order_id ?? session.client_reference_id ?? null
    const ours = orderIdOf(session)
    const order = ours ? await findOrderPaymentFacts(ours) : null
    if (!order) {
      report.actions.push({ sessionId: session.id, orderId, action: 'skipped: no such order in this store' })
      continue
    }
    if (order.status !== 'PENDING' && order.status !== 'EXPIRED') continue
    if (!apply) {
      report.actions.push({ sessionId: session.id, orderId, action: `would fulfil (order is ${order.status})` })
      continue
    }
    const outcome = await fulfilCheckoutSession(session)
    report.actions.push({ sessionId: session.id, orderId, action: outcome === 'paid' ? 'fulfilled' : `not fulfilled: ${outcome}` })
  }
  return report
}
