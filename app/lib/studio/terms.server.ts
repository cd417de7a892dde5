import { prisma } from '~/lib/db.server'
import { TIER_IDS, type TierId, type UsageTerms } from '~/lib/tiers'

/** Saves the producer's default caps; orders already placed keep the terms they froze. */
export async function saveProducerTerms(producerId: string, terms: Record<TierId, UsageTerms>) {
  await prisma.$transaction(
    TIER_IDS.map((tier) =>
      prisma.producerLicenseTerms.upsert({
        where: { producerId_tier: { producerId, tier } },
        create: { producerId, tier, ...terms[tier] },
        update: terms[tier],
        select: { tier: true },
      }),
    ),
  )
}
