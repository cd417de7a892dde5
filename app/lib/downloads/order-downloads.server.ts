import type { AccessCheck } from '~/lib/access/order-access.server'
import { getEnv } from '~/lib/env.server'
import { DOWNLOAD_KIND_LABELS, DOWNLOAD_KINDS, LICENSE_TIERS, TIER_IDS, type DownloadKind, type TierId } from '~/lib/tiers'
import { upgradeCartHref } from '~/lib/cart/lines'
import { createUpgradeProof } from '~/lib/orders/upgrade-proof.server'
import { countCountedDownloadsByLine } from '~/models/download.server'
import { readAdjustments } from '~/lib/pricing/adjustments'
import { listLicensedOrders, type LicensedOrder } from '~/models/order/lines.server'
import { decideEntitlement, snapshotFiles } from './entitlement'
import type { FileView, OrderView } from './order-view'

// What the order page and the success page show per line: every file kind, each with the
// entitlement verdict (so "not included — comes with Trackout" is shown, not hidden).

function downloadHref(lineId: string, kind: DownloadKind) {
  return `/downloads/${lineId}/${kind.toLowerCase()}`
}

async function toViews(access: AccessCheck, orders: LicensedOrder[]): Promise<OrderView[]> {
  const limit = getEnv().DOWNLOAD_LIMIT
  const used = await countCountedDownloadsByLine(orders.flatMap((o) => o.items))
  return orders.map((order) => ({
    id: order.id,
    number: order.number,
    status: order.status,
    createdAt: order.createdAt.toISOString(),
    totalCents: order.totalCents,
    currency: order.currency,
    lines: order.items.map((item) => {
      const files = snapshotFiles(item.tier, item.termsSnapshot)
      const superseding = item.upgrades[0]
      // Only a paid, active line not yet upgraded can be upgraded; the proof is shown to those
      // who may see the order (this page or the success page), and re-checked at checkout.
      const upgradable = order.status === 'PAID' && item.status === 'ACTIVE' && !superseding
      const proof = upgradable ? createUpgradeProof(item.id) : null
      const upgradeTo = (tier: TierId | null) => (proof && tier ? upgradeCartHref(item.beatId, tier, item.id, proof) : null)
      const nextTier = TIER_IDS[TIER_IDS.indexOf(item.tier) + 1] ?? null
      return {
        upgrade: nextTier && proof ? { tierLabel: LICENSE_TIERS[nextTier].label, href: upgradeTo(nextTier)! } : null,
        supersededBy: superseding ? { tierLabel: LICENSE_TIERS[superseding.tier].label, orderNumber: superseding.order.number } : null,
        id: item.id,
        beatTitle: item.beatTitle,
        beatSlug: item.beat.slug,
        producerName: item.producerName,
        tier: item.tier,
        tierLabel: LICENSE_TIERS[item.tier].label,
        priceCents: item.priceCents,
        listPriceCents: item.listPriceCents,
        adjustments: readAdjustments(item.adjustments),
        refunded: item.status === 'REFUNDED',
        licenseUrl: `/licenses/${item.id}`,
        licensePdfUrl: `/licenses/${item.id}/pdf`,
        files: DOWNLOAD_KINDS.map((kind): FileView => {
          const e = decideEntitlement({
            access,
            line: {
              tier: item.tier,
              status: item.status,
              files,
              producerName: item.producerName,
              orderEmail: order.email,
              orderStatus: order.status,
            },
            kind,
            used: used.get(item.id)?.get(kind) ?? 0,
            limit,
            fileAvailable: item.beat.files.some((f) => f.kind === kind),
          })
          const upgradeTier = e.allowed ? null : (e.upgradeTier ?? null)
          return {
            kind,
            label: DOWNLOAD_KIND_LABELS[kind],
            href: downloadHref(item.id, kind),
            allowed: e.allowed,
            reason: e.allowed ? null : e.reason,
            message: e.allowed ? null : e.message,
            remaining: e.remaining,
            limit,
            upgradeTier,
            upgradeTierLabel: upgradeTier ? LICENSE_TIERS[upgradeTier].label : null,
            upgradeHref: upgradeTo(upgradeTier),
          }
        }),
      }
    }),
  }))
}

/** All orders of the address the access token is bound to, newest first. */
export async function listOrdersForAccess(access: Extract<AccessCheck, { ok: true }>): Promise<OrderView[]> {
  return toViews(access, await listLicensedOrders({ email: access.email }))
}

/** One order (the success page), judged with the given access (usually the buyer's fresh token). */
export async function getOrderView(orderId: string, access: AccessCheck): Promise<OrderView | null> {
  const [view] = await toViews(access, await listLicensedOrders({ id: orderId }))
  return view ?? null
}
