import { getEnv } from '~/lib/env.server'
import { InvalidInputError } from '~/lib/errors'
import { TIER_IDS, type TierId } from '~/lib/tiers'
import {
  deleteContractTemplate,
  getContractSettings,
  getContractTemplates,
  saveContractSettings,
  saveContractTemplate,
} from '~/models/contract.server'
import { getProducerTerms } from '~/models/producer.server'
import { defaultTemplateFor } from './defaults'
import { checkTemplate } from './template'
import { snapshotTerms, LICENSE_TIERS } from '~/lib/tiers'
import { previewValues, type ContractSettings } from './values'
import type { ContractValues } from './variables'

// The studio's contracts page: each tier's template (the producer's or the default), the values
// its preview fills in, and saving with the template check.

interface TierContract {
  tier: TierId
  label: string
  body: string
  isDefault: boolean
  defaultBody: string
  preview: ContractValues
}

export async function contractsPage(producer: { id: string; displayName: string }) {
  const [settings, templates, terms] = await Promise.all([
    getContractSettings(producer.id),
    getContractTemplates(producer.id),
    getProducerTerms(producer.id),
  ])
  const tiers: TierContract[] = TIER_IDS.map((tier) => ({
    tier,
    label: LICENSE_TIERS[tier].label,
    body: templates[tier] ?? defaultTemplateFor(tier),
    isDefault: templates[tier] === undefined,
    defaultBody: defaultTemplateFor(tier),
    preview: previewValues({
      beatTitle: 'Midnight Drive',
      producerName: producer.displayName,
      snapshot: snapshotTerms(tier, terms[tier]),
      priceCents: LICENSE_TIERS[tier].defaultPriceCents,
      currency: getEnv().CURRENCY,
      settings,
    }),
  }))
  return { settings, tiers }
}

/** Saves a tier's template after the check; the error names every unknown variable and placeholder. */
export async function saveTierTemplate(producerId: string, tier: TierId, body: string) {
  const check = checkTemplate(body)
  if (!check.ok) throw new InvalidInputError(check.problems.join(' '))
  await saveContractTemplate(producerId, tier, body.replace(/\r\n?/g, '\n'))
}

export async function restoreDefaultTemplate(producerId: string, tier: TierId) {
  await deleteContractTemplate(producerId, tier)
}

export async function saveSettings(producerId: string, settings: ContractSettings) {
  await saveContractSettings(producerId, settings)
}
