import type { CartLine } from '~/lib/cart/lines'
import { CartLineSchema } from '~/lib/cart/schema'
import { describeTerms, DOWNLOAD_KIND_LABELS, LICENSE_TIERS, TIER_IDS, type TierId } from '~/lib/tiers'
import { findEnabledTierPrices } from '~/models/beat-price.server'
import { getProducerTerms } from '~/models/producer.server'
import { priceLines } from './pricing.server'

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
}

export interface CartView {
  lines: CartViewLine[]
  /** Lines the cart should drop, with the reason to show. */
  dropped: { beatId: string; tier: string; message: string }[]
  totalCents: number
}

/** The cart page's view: each valid line priced from the DB; invalid ones listed with a reason. */
export async function priceCartLines(raw: { beatId: string; tier: string; via?: string }[]): Promise<CartView> {
  const valid: CartLine[] = []
  const dropped: CartView['dropped'] = []
  for (const line of raw) {
    const parsed = CartLineSchema.safeParse(line)
    if (parsed.success) valid.push(parsed.data)
    else dropped.push({ ...line, message: 'This cart line was not valid and has been removed.' })
  }
  const { priced, problems } = await priceLines(valid)
  for (const p of problems) dropped.push({ beatId: p.beatId, tier: p.tier, message: p.message })
  const beatIds = priced.map((p) => p.beatId)
  const tiers = await findEnabledTierPrices(beatIds)
  const termsByProducer = new Map<string, Awaited<ReturnType<typeof getProducerTerms>>>()
  for (const producerId of new Set(priced.map((p) => p.producerId)))
    termsByProducer.set(producerId, await getProducerTerms(producerId))
  const lines = priced.map((p) => ({
    beatId: p.beatId,
    tier: p.tier,
    tierLabel: LICENSE_TIERS[p.tier].label,
    priceCents: p.priceCents,
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
