import { findSupersedingLine } from '~/models/order/upgrades.server'
import { getEnv } from '~/lib/env.server'
import { LICENSE_TIERS, type LicenseTermsSnapshot, type TierId, type UsageTerms } from '~/lib/tiers'
import { findLicenseLine, LICENSED_STATUSES } from '~/models/order/lines.server'
import { licenseStatus, type LicenseStatus } from '~/lib/contracts/status'
import type { ContractValues } from '~/lib/contracts/variables'

// One license = one order line. The PDF and the public verification page read it from here.

type LicenseState = LicenseStatus | 'NOT_PAID'

/** The contract filled at payment; null for lines bought before contracts were frozen. */
export interface FrozenContract {
  text: string
  sha256: string
  values: Partial<ContractValues>
}

export interface LicenseRecord {
  id: string
  state: LicenseState
  beatTitle: string
  beatSlug: string
  producerName: string
  tier: TierId
  tierLabel: string
  terms: UsageTerms
  files: LicenseTermsSnapshot['files']
  orderNumber: number
  orderEmail: string | null
  buyerName: string | null
  issuedAt: Date
  verifyUrl: string
  priceCents: number
  currency: string
  contract: FrozenContract | null
  /** The line that replaced this one by an upgrade, when there is one. */
  supersededBy: string | null
}

export async function getLicense(orderItemId: string): Promise<LicenseRecord | null> {
  const item = await findLicenseLine(orderItemId)
  // A line whose order never got paid is not a license at all.
  if (!item || !(LICENSED_STATUSES as readonly string[]).includes(item.order.status)) return null
  const snapshot = item.termsSnapshot as Partial<LicenseTermsSnapshot> | null
  const tier = item.tier as TierId
  // A paid upgrade of this line replaces it; the old license stays verifiable and points there.
  const supersededBy: string | null = (await findSupersedingLine(item.id))?.id ?? null
  const state: LicenseState = licenseStatus({ lineStatus: item.status, orderStatus: item.order.status }, supersededBy)
  return {
    id: item.id,
    state,
    beatTitle: item.beatTitle,
    beatSlug: item.beat.slug,
    producerName: item.producerName,
    tier,
    tierLabel: LICENSE_TIERS[tier].label,
    terms: snapshot?.terms ?? { ...LICENSE_TIERS[tier].defaultTerms },
    files: snapshot?.files?.length ? snapshot.files : [...LICENSE_TIERS[tier].files],
    orderNumber: item.order.number,
    orderEmail: item.order.email,
    buyerName: item.order.buyerName,
    issuedAt: item.order.paidAt ?? item.order.createdAt,
    verifyUrl: `${getEnv().APP_URL}/licenses/${item.id}`,
    priceCents: item.priceCents,
    currency: item.order.currency,
    contract:
      item.contractText && item.contractSha256
        ? { text: item.contractText, sha256: item.contractSha256, values: (item.contractValues ?? {}) as Partial<ContractValues> }
        : null,
    supersededBy,
  }
}
