import { getEnv } from '~/lib/env.server'
import { getLicense, type LicenseRecord } from '~/lib/pdf/license.server'
import { DOWNLOAD_KIND_LABELS, LICENSE_TIERS } from '~/lib/tiers'
import { getPublishedBeatBySlug } from '~/models/beat/beat.server'
import { getContractTemplates } from '~/models/contract.server'
import { getProducerTerms } from '~/models/producer.server'
import { defaultTemplateFor } from './defaults'
import { usageJson, type LicenseJson, type OfferJson } from './terms-json'

// The JSON documents behind /licenses/:id/terms.json and /beats/:slug/terms.json.

function licenseJson(license: LicenseRecord, appUrl: string): LicenseJson | null {
  if (license.state === 'NOT_PAID') return null
  return {
    schemaVersion: 1,
    kind: 'license',
    id: license.id,
    status: license.state,
    supersededBy: license.supersededBy,
    verifyUrl: license.verifyUrl,
    beat: { title: license.beatTitle, url: `${appUrl}/beats/${license.beatSlug}` },
    producer: { name: license.producerName },
    tier: { id: license.tier, label: license.tierLabel },
    files: license.files.map((f) => DOWNLOAD_KIND_LABELS[f]),
    usage: usageJson(license.terms),
    issuedAt: license.issuedAt.toISOString().slice(0, 10),
    contract: license.contract ? { sha256: license.contract.sha256 } : null,
  }
}

export async function licenseTermsDocument(licenseId: string): Promise<LicenseJson | null> {
  const license = await getLicense(licenseId)
  return license ? licenseJson(license, getEnv().APP_URL) : null
}

/** What a published beat offers now, tier by tier, with the contract each tier would freeze. */
export async function beatTermsDocument(slug: string): Promise<OfferJson | null> {
  const beat = await getPublishedBeatBySlug(slug)
  if (!beat) return null
  const [terms, templates] = await Promise.all([getProducerTerms(beat.producer.id), getContractTemplates(beat.producer.id)])
  const env = getEnv()
  return {
    schemaVersion: 1,
    kind: 'offer',
    beat: { title: beat.title, url: `${env.APP_URL}/beats/${beat.slug}` },
    producer: { name: beat.producer.displayName, url: `${env.APP_URL}/producers/${beat.producer.slug}` },
    currency: env.CURRENCY,
    tiers: beat.tiers.map(({ tier, priceCents }) => ({
      tier: { id: tier, label: LICENSE_TIERS[tier].label },
      priceCents,
      files: LICENSE_TIERS[tier].files.map((f) => DOWNLOAD_KIND_LABELS[f]),
      usage: usageJson(terms[tier]),
      contractTemplate: templates[tier] ?? defaultTemplateFor(tier),
    })),
  }
}
