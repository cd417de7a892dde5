import type { CartLine } from '~/lib/cart/lines'
import { CartLineSchema } from '~/lib/cart/schema'
import { describeTerms, DOWNLOAD_KIND_LABELS, LICENSE_TIERS, TIER_IDS, type TierId } from '~/lib/tiers'
import { findEnabledTierPrices } from '~/models/beat-price.server'
import { getProducerTerms } from '~/models/producer.server'
import { priceLines } from './pricing.server'
import { formatMoney } from '~/lib/money'
import { getEnv } from '~/lib/env.server'
import { priceOrder } from '~/lib/pricing/price-order'
import { resolveUpgrades } from './upgrades.server'

export interface CartViewLine {
  beatId: string
  tier: TierId
  tierLabel: string
  priceCents: number
  beatTitle: string
  beatSlug: string
  producerName: string
  includes: string[]
  terms: string[]
  /** Other tiers the buyer can switch to, with their prices. */
  tierOptions: { tier: TierId; label: string; priceCents: number }[]
  /** Upgrade lines: "Upgrade from your Basic license: $25.00 credit". */
  upgradeNote?: string | null
}

export interface CartView {
  lines: CartViewLine[]
  /** Lines the cart should drop, with the reason to show. */
  dropped: { beatId: string; tier: string; message: string }[]
  totalCents: number
}

/** The cart page's view: each valid line priced from the DB; invalid ones listed with a reason. */
export async function priceCartLines(raw: { beatId: string; tier: string; upgrade?: { itemId: string; proof: string } }[]): Promise<CartView> {
  const valid: CartLine[] = []
  const dropped: CartView['dropped'] = []
  for (const line of raw) {
    const parsed = CartLineSchema.safeParse(line)
    if (parsed.success) valid.push(parsed.data)
    else dropped.push({ ...line, message: 'This cart line was not valid and has been removed.' })
  }
  const { priced, problems } = await priceLines(valid)
  // An upgrade that no longer holds (expired proof, refunded line) leaves the cart with its reason.
  const upgrades = await resolveUpgrades(valid, priced)
  const refused = new Set(upgrades.problems.map((p) => p.index))
  for (const p of [...problems, ...upgrades.problems]) dropped.push({ beatId: p.beatId, tier: p.tier, message: p.message })
  priced.splice(0, priced.length, ...priced.filter((p) => !refused.has(p.index)))
  const prices = priceOrder(
    priced.map((p) => ({ key: String(p.index), producerId: p.producerId, beatId: p.beatId, tier: p.tier, listPriceCents: p.priceCents, creditCents: upgrades.byIndex.get(p.index)?.creditCents })),
  )
  const currency = getEnv().CURRENCY
  const beatIds = priced.map((p) => p.beatId)
  const tiers = await findEnabledTierPrices(beatIds)
  const termsByProducer = new Map<string, Awaited<ReturnType<typeof getProducerTerms>>>()
  for (const producerId of new Set(priced.map((p) => p.producerId)))
    termsByProducer.set(producerId, await getProducerTerms(producerId))
  const lines = priced.map((p, i) => ({
    beatId: p.beatId,
    tier: p.tier,
    tierLabel: LICENSE_TIERS[p.tier].label,
    priceCents: prices.lines[i]!.paidCents,
    upgradeNote: upgradeNote(upgrades.byIndex.get(p.index), prices.lines[i]!.listPriceCents - prices.lines[i]!.paidCents, currency),
    beatTitle: p.beatTitle,
    beatSlug: p.beatSlug,
    producerName: p.producerName,
    includes: LICENSE_TIERS[p.tier].files.map((k) => DOWNLOAD_KIND_LABELS[k]),
    terms: describeTerms(termsByProducer.get(p.producerId)![p.tier]),
    tierOptions: TIER_IDS.flatMap((tier) => {
      const t = tiers.find((row) => row.beatId === p.beatId && row.tier === tier)
      return t ? [{ tier, label: LICENSE_TIERS[tier].label, priceCents: t.priceCents }] : []
    }),
  }))
  return { lines, dropped, totalCents: lines.reduce((s, l) => s + l.priceCents, 0) }
}

function upgradeNote(upgrade: { fromTier: TierId } | undefined, creditCents: number, currency: string): string | null {
  if (!upgrade) return null
  return `Upgrade from your ${LICENSE_TIERS[upgrade.fromTier].label} license: ${formatMoney(creditCents, currency)} credit`
}
