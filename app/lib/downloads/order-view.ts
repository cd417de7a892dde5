import type { TierId, DownloadKind } from '~/lib/tiers'
import type { RefusalReason } from './entitlement'
import type { Adjustment } from '~/lib/pricing/price-order'

// What the order page and the success page render per order (serializable loader data).

export interface FileView {
  kind: DownloadKind
  label: string
  href: string
  allowed: boolean
  reason: RefusalReason | null
  message: string | null
  remaining: number
  limit: number
  upgradeTier: TierId | null
  upgradeTierLabel: string | null
  /** The cart link that upgrades this line to upgradeTier, credited (null: no upgrade possible). */
  upgradeHref?: string | null
}

export interface LineView {
  id: string
  beatTitle: string
  beatSlug: string
  producerName: string
  tier: TierId
  tierLabel: string
  /** Paid for the line; listPriceCents and adjustments say how. */
  priceCents: number
  listPriceCents: number
  adjustments: Adjustment[]
  refunded: boolean
  files: FileView[]
  licenseUrl: string
  licensePdfUrl: string
  /** "Upgrade to …" (next tier up, credited with what this line cost); null when not upgradable. */
  upgrade?: { tierLabel: string; href: string } | null
  /** The live upgrade that replaced this line. */
  supersededBy?: { tierLabel: string; orderNumber: number } | null
}

export interface OrderView {
  id: string
  number: number
  status: string
  createdAt: string
  totalCents: number
  currency: string
  lines: LineView[]
}

