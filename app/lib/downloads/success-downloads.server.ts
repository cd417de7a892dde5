import { accessCookieHeader, createOrderAccessToken, normalizeEmail } from '~/lib/access/order-access.server'
import { toOrderView, type OrderView } from '~/lib/orders/order-view'
import { getOrderView } from './order-downloads.server'
import type { LineView } from './order-view'

// The checkout success page is reached with the checkout session id, which proves the buyer only
// for a short while after paying: browser history, a shared screen or a forwarded URL keep it
// long after. Within the hour it grants the same 30-minute access cookie as the emailed order link
// and shows the order, its buyer and files; later, a paid order's page shows none of that and
// points at /orders, where the emailed link opens them.

export const SUCCESS_ACCESS_WINDOW_MS = 60 * 60 * 1000

type OrderRow = Parameters<typeof toOrderView>[0]

export type SuccessPageView =
  /** Paid within the window: the order, its files, and the access cookie to set. */
  | { state: 'granted'; order: OrderView; downloads: Record<string, LineView>; setCookie: string | null }
  /** Paid, but the window has passed: only that it is paid. */
  | { state: 'closed'; number: number }
  /** Not paid (waiting, expired, failed, held): the lines, without who is buying. */
  | { state: 'unpaid'; order: OrderView; downloads: Record<string, LineView> }

const PAID_STATUSES = new Set<string>(['PAID', 'DISPUTED', 'REFUNDED'])

function withinWindow(paidAt: Date | string | null, now: Date) {
  return paidAt !== null && now.getTime() - new Date(paidAt).getTime() <= SUCCESS_ACCESS_WINDOW_MS
}

export async function successPageView(request: Request, order: OrderRow, now = new Date()): Promise<SuccessPageView> {
  if (!PAID_STATUSES.has(order.status)) return { state: 'unpaid', order: { ...toOrderView(order), email: null, buyerName: null }, downloads: {} }
  if (!withinWindow(order.paidAt, now)) return { state: 'closed', number: order.number }
  const { lines, setCookie } = await successPageDownloads(request, order, now)
  return { state: 'granted', order: toOrderView(order), downloads: lines, setCookie }
}

export async function successPageDownloads(
  request: Request,
  order: { id: string; email: string | null; paidAt: Date | string | null },
  now = new Date(),
): Promise<{ lines: Record<string, LineView>; setCookie: string | null }> {
  if (!order.email || !withinWindow(order.paidAt, now)) return { lines: {}, setCookie: null }
  const email = normalizeEmail(order.email)
  const { token, expiresAt } = createOrderAccessToken(email, { now })
  const view = await getOrderView(order.id, { ok: true, email, expiresAt })
  const lines = Object.fromEntries((view?.lines ?? []).map((l) => [l.id, l]))
  return { lines, setCookie: await accessCookieHeader(request, token, expiresAt) }
}
