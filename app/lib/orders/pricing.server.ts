import type { prisma, Tx } from '~/models/db.server'
import type { CartLine } from '~/lib/cart/lines'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { findBeatsToPrice } from '~/models/beat-price.server'

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
): Promise<{ priced: (PricedLine & { index: number })[]; problems: LineProblem[] }> {
  const beats = await findBeatsToPrice(lines.map((l) => l.beatId), db)
  const byId = new Map(beats.map((b) => [b.id, b]))
  const priced: (PricedLine & { index: number })[] = []
  const problems: LineProblem[] = []
  lines.forEach((line, index) => {
    const beat = byId.get(line.beatId)
    if (!beat || beat.status !== 'PUBLISHED') {
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
      priceCents: tier.priceCents,
      beatTitle: beat.title,
      beatSlug: beat.slug,
      producerId: beat.producerId,
      producerName: beat.producer.displayName,
    })
  })
  return { priced, problems }
}
