import { getEnv } from '~/lib/env.server'
import { LICENSE_TIERS, type LicenseTermsSnapshot, type TierId, type UsageTerms } from '~/lib/tiers'
import { findLicenseLine, LICENSED_STATUSES } from '~/models/order/lines.server'

// One license = one order line. The PDF and the public verification page read it from here.

type LicenseState = 'VALID' | 'REFUNDED' | 'DISPUTED' | 'NOT_PAID'

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
}

export async function getLicense(orderItemId: string): Promise<LicenseRecord | null> {
  const item = await findLicenseLine(orderItemId)
  // A line whose order never got paid is not a license at all.
  if (!item || !(LICENSED_STATUSES as readonly string[]).includes(item.order.status)) return null
  const snapshot = item.termsSnapshot as Partial<LicenseTermsSnapshot> | null
  const tier = item.tier as TierId
  const state: LicenseState =
    item.status === 'REFUNDED' || item.order.status === 'REFUNDED'
      ? 'REFUNDED'
      : item.order.status === 'DISPUTED'
        ? 'DISPUTED'
        : 'VALID'
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
  }
}
