import type { CartLine } from '~/lib/cart/lines'
import { CartLineSchema } from '~/lib/cart/schema'
import { describeTerms, DOWNLOAD_KIND_LABELS, LICENSE_TIERS, TIER_IDS, type TierId } from '~/lib/tiers'
import { findEnabledTierPrices } from '~/models/beat-price.server'
import { getProducerTerms } from '~/models/producer.server'
import { linesToPrice, priceLines } from './pricing.server'
import { formatMoney } from '~/lib/money'
import { getEnv } from '~/lib/env.server'
import { priceOrder, type Adjustment } from '~/lib/pricing/price-order'
import { resolveUpgrades } from './upgrades.server'
import { lineKey } from '~/lib/pricing/allocate'
import { CodeRefused, loadDiscounts, normalizeCode, toCode } from './discounts.server'

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
  /** What the buyer pays for the line after deals and the code (priceCents is the list price). */
  paidCents: number
  adjustments: Adjustment[]
  /** Deals this line counts towards that are one step away. */
  hints: string[]
  /** Other tiers the buyer can switch to, with their prices. */
  tierOptions: { tier: TierId; label: string; priceCents: number }[]
  /** Upgrade lines: "Upgrade from your Basic license: $25.00 credit". */
  upgradeNote?: string | null
}

export interface CartView {
  lines: CartViewLine[]
  /** Lines the cart should drop, with the reason to show. */
  dropped: { beatId: string; tier: string; message: string }[]
  subtotalCents: number
  discountCents: number
  totalCents: number
  /** The code typed, applied or refused with the reason. */
  code: { code: string; applied: boolean; message: string; needsEmail?: boolean } | null
}

/** The cart page's view: each valid line priced from the DB; invalid ones listed with a reason. */
export async function priceCartLines(
  raw: { beatId: string; tier: string; upgrade?: { itemId: string; proof: string }; via?: string }[],
  rawCode: string | null = null,
  now = new Date(),
): Promise<CartView> {
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
  const currency = getEnv().CURRENCY
  const beatIds = priced.map((p) => p.beatId)
  const tiers = await findEnabledTierPrices(beatIds)
  const termsByProducer = new Map<string, Awaited<ReturnType<typeof getProducerTerms>>>()
  for (const producerId of new Set(priced.map((p) => p.producerId)))
    termsByProducer.set(producerId, await getProducerTerms(producerId))
  const { deals, code, needsEmail, refusal } = await discountsFor(priced.map((p) => p.producerId), rawCode, now)
  const prices = priceOrder(
    linesToPrice(priced, upgrades.byIndex),
    { deals, code, currency },
  )
  const lines = priced.map((p, i) => ({
    beatId: p.beatId,
    tier: p.tier,
    tierLabel: LICENSE_TIERS[p.tier].label,
    priceCents: p.priceCents,
    upgradeNote: upgradeNote(upgrades.byIndex.get(p.index), upgrades.byIndex.get(p.index)?.creditCents ?? 0, currency),
    beatTitle: p.beatTitle,
    beatSlug: p.beatSlug,
    producerName: p.producerName,
    includes: LICENSE_TIERS[p.tier].files.map((k) => DOWNLOAD_KIND_LABELS[k]),
    terms: describeTerms(termsByProducer.get(p.producerId)![p.tier]),
    paidCents: prices.lines[i]!.paidCents,
    adjustments: prices.lines[i]!.adjustments,
    // Each hint once: on the last line it counts.
    hints: prices.hints.filter((h) => h.lineKeys.at(-1) === lineKey(i)).map((h) => h.message),
    tierOptions: TIER_IDS.flatMap((tier) => {
      const t = tiers.find((row) => row.beatId === p.beatId && row.tier === tier)
      return t ? [{ tier, label: LICENSE_TIERS[tier].label, priceCents: t.priceCents }] : []
    }),
  }))
  const outcome = refusal ?? (prices.code && (prices.code.applied ? { code: prices.code.code, applied: true, message: `${prices.code.label} applied.`, needsEmail } : { ...prices.code }))
  return { lines, dropped, subtotalCents: prices.subtotalCents, discountCents: prices.discountCents, totalCents: prices.totalCents, code: outcome ?? null }
}

async function discountsFor(producerIds: string[], rawCode: string | null, now: Date) {
  try {
    const { deals, coupon } = await loadDiscounts(producerIds, rawCode, now)
    return { deals, code: coupon ? toCode(coupon) : null, needsEmail: coupon?.oncePerEmail ?? false, refusal: null }
  } catch (error) {
    if (!(error instanceof CodeRefused)) throw error
    const { deals } = await loadDiscounts(producerIds, null, now)
    return { deals, code: null, needsEmail: false, refusal: { code: normalizeCode(rawCode) ?? '', applied: false, message: error.message } }
  }
}

function upgradeNote(upgrade: { fromTier: TierId } | undefined, creditCents: number, currency: string): string | null {
  if (!upgrade) return null
  return `Upgrade from your ${LICENSE_TIERS[upgrade.fromTier].label} license: ${formatMoney(creditCents, currency)} credit`
}
