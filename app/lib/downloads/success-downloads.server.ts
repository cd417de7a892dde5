import { accessCookieHeader, createOrderAccessToken, normalizeEmail } from '~/lib/access/order-access.server'
import { getOrderView } from './order-downloads.server'
import type { LineView } from './order-view'

// The checkout success page is reached with the Stripe session id, which proves the buyer for a
// short while after paying: it grants the same 30-minute access cookie as the emailed order link.
// Later visits to an old success URL get no downloads and are pointed at /orders instead.

const SUCCESS_ACCESS_WINDOW_MS = 60 * 60 * 1000

export async function successPageDownloads(
  request: Request,
  order: { id: string; email: string | null; paidAt: Date | string | null },
  now = new Date(),
): Promise<{ lines: Record<string, LineView>; setCookie: string | null }> {
  const paidAt = order.paidAt ? new Date(order.paidAt) : null
  if (!order.email || !paidAt || now.getTime() - paidAt.getTime() > SUCCESS_ACCESS_WINDOW_MS) {
    return { lines: {}, setCookie: null }
  }
  const email = normalizeEmail(order.email)
  const { token, expiresAt } = createOrderAccessToken(email, { now })
  const view = await getOrderView(order.id, { ok: true, email, expiresAt })
  const lines = Object.fromEntries((view?.lines ?? []).map((l) => [l.id, l]))
  return { lines, setCookie: await accessCookieHeader(request, token, expiresAt) }
}
