import type { prisma, Tx } from '~/models/db.server'
import type { CartLine } from '~/lib/cart/lines'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { findBeatsToPrice } from '~/models/beat-price.server'
import { lineKey } from '~/lib/pricing/allocate'
import type { LineToPrice } from '~/lib/pricing/price-order'
import { findLinksForPricing } from '~/models/private-link.server'
import { linkGoneMessage, linkPrice, linkState, parseTierPrices } from '~/lib/private-links/link-state'

// Prices every cart line from the database: published beat, enabled tier. The browser never
// supplies a price.

export interface PricedLine {
  beatId: string
  tier: TierId
  priceCents: number
  beatTitle: string
  beatSlug: string
  producerId: string
  producerName: string
  /** Priced through this private link. */
  privateLinkId?: string
}

export interface LineProblem {
  index: number
  beatId: string
  tier: TierId
  /** What to tell the buyer. */
  message: string
  beatTitle?: string
}

export async function priceLines(
  lines: CartLine[],
  db?: Tx | typeof prisma,
  now = new Date(),
): Promise<{ priced: (PricedLine & { index: number })[]; problems: LineProblem[] }> {
  const beats = await findBeatsToPrice(lines.map((l) => l.beatId), db)
  const byId = new Map(beats.map((b) => [b.id, b]))
  const linkIds = lines.flatMap((l) => (l.via ? [l.via] : []))
  const links = new Map((linkIds.length ? await findLinksForPricing(linkIds, db) : []).map((l) => [l.id, l]))
  const priced: (PricedLine & { index: number })[] = []
  const problems: LineProblem[] = []
  lines.forEach((line, index) => {
    const beat = byId.get(line.beatId)
    const link = line.via ? links.get(line.via) : undefined
    if (line.via) {
      // The cap is checked under a lock at checkout; here only what the link says by itself.
      const state = link ? linkState({ ...link, purchaseCap: null }, 0, now) : 'revoked'
      if (!link || state !== 'open' || !link.beats.some((b) => b.beatId === line.beatId) || !beat || beat.status === 'ARCHIVED') {
        problems.push({ index, ...line, beatTitle: beat?.title, message: link && state !== 'open' ? linkGoneMessage(state) : 'This private link no longer offers this beat.' })
        return
      }
    } else if (!beat || beat.status !== 'PUBLISHED') {
      problems.push({
        index,
        ...line,
        beatTitle: beat?.title,
        message: beat ? `“${beat.title}” is no longer for sale.` : 'This beat is no longer available.',
      })
      return
    }
    if (beat.exclusiveSoldAt) {
      problems.push({ index, ...line, beatTitle: beat.title, message: `“${beat.title}” was sold exclusively and is no longer for sale.` })
      return
    }
    const tier = beat.tiers.find((t) => t.tier === line.tier)
    if (!tier || !tier.enabled) {
      problems.push({
        index,
        ...line,
        beatTitle: beat.title,
        message: `The ${LICENSE_TIERS[line.tier].label} license for “${beat.title}” is no longer offered.`,
      })
      return
    }
    priced.push({
      index,
      beatId: beat.id,
      tier: line.tier,
      priceCents: link ? linkPrice(parseTierPrices(link.tierPrices), line.tier, tier.priceCents) : tier.priceCents,
      ...(link ? { privateLinkId: link.id } : {}),
      beatTitle: beat.title,
      beatSlug: beat.slug,
      producerId: beat.producerId,
      producerName: beat.producer.displayName,
    })
  })
  return { priced, problems }
}

/**
 * The priced lines as `priceOrder` takes them: keyed by position, at their list price, with the
 * credit of an upgrade line. The cart preview and checkout both pass this, so they price alike.
 */
export function linesToPrice(priced: (PricedLine & { index: number })[], credits: ReadonlyMap<number, { creditCents: number }>): LineToPrice[] {
  return priced.map((line, i) => ({
    key: lineKey(i),
    producerId: line.producerId,
    beatId: line.beatId,
    tier: line.tier,
    listPriceCents: line.priceCents,
    creditCents: credits.get(line.index)?.creditCents,
  }))
}
