import type { Adjustment } from '~/lib/pricing/price-order'
import { readAdjustments } from '~/lib/pricing/adjustments'
import { describeTerms, DOWNLOAD_KIND_LABELS, LICENSE_TIERS, type LicenseTermsSnapshot, type TierId } from '~/lib/tiers'

// The order as the success page (and order pages) show it: plain data, terms as frozen at purchase.

export interface OrderViewItem {
  id: string
  beatId: string
  beatTitle: string
  producerName: string
  tier: TierId
  tierLabel: string
  /** Paid for the line. */
  priceCents: number
  listPriceCents: number
  adjustments: Adjustment[]
  status: 'ACTIVE' | 'REFUNDED'
  includes: string[]
  terms: string[]
}

export interface OrderView {
  id: string
  number: number
  status: 'PENDING' | 'PAID' | 'REFUNDED' | 'DISPUTED' | 'EXPIRED' | 'FAILED'
  currency: string
  totalCents: number
  email: string | null
  buyerName: string | null
  flagged: boolean
  paidAt: string | null
  items: OrderViewItem[]
}

interface OrderRow {
  id: string
  number: number
  status: OrderView['status']
  currency: string
  totalCents: number
  email: string | null
  buyerName: string | null
  flaggedReason: string | null
  paidAt: Date | null
  items: {
    id: string
    beatId: string
    beatTitle: string
    producerName: string
    tier: TierId
    priceCents: number
    listPriceCents?: number
    adjustments?: unknown
    status: 'ACTIVE' | 'REFUNDED'
    termsSnapshot: unknown
  }[]
}

export function toOrderView(order: OrderRow): OrderView {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    currency: order.currency,
    totalCents: order.totalCents,
    email: order.email,
    buyerName: order.buyerName,
    flagged: !!order.flaggedReason,
    paidAt: order.paidAt?.toISOString() ?? null,
    items: order.items.map((item) => {
      const snap = item.termsSnapshot as LicenseTermsSnapshot | null
      return {
        id: item.id,
        beatId: item.beatId,
        beatTitle: item.beatTitle,
        producerName: item.producerName,
        tier: item.tier,
        tierLabel: snap?.label ?? LICENSE_TIERS[item.tier].label,
        priceCents: item.priceCents,
        listPriceCents: item.listPriceCents ?? item.priceCents,
        adjustments: readAdjustments(item.adjustments),
        status: item.status,
        includes: (snap?.files ?? LICENSE_TIERS[item.tier].files).map((k) => DOWNLOAD_KIND_LABELS[k]),
        terms: snap ? describeTerms(snap.terms) : [],
      }
    }),
  }
}
