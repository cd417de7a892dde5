import { prisma, type Tx } from '~/lib/db.server'
import { slugify } from '~/lib/slug'
import { LICENSE_TIERS, TIER_IDS, type TierId, type UsageTerms } from '~/lib/tiers'

export interface NewProducer {
  email: string
  displayName: string
  slug?: string
  bio?: string
  passwordHash?: string | null
}

/** Creates a producer with the default usage caps of every tier (PRODUCT.md). */
export async function createProducer(input: NewProducer, db: Tx | typeof prisma = prisma) {
  const slug = await uniqueProducerSlug(input.slug ?? slugify(input.displayName), db)
  return db.producer.create({
    data: {
      email: input.email.trim().toLowerCase(),
      displayName: input.displayName,
      slug,
      bio: input.bio ?? '',
      passwordHash: input.passwordHash ?? null,
      licenseTerms: {
        create: TIER_IDS.map((tier) => ({ tier, ...LICENSE_TIERS[tier].defaultTerms })),
      },
    },
    select: { id: true, email: true, displayName: true, slug: true, sessionVersion: true },
  })
}

async function uniqueProducerSlug(base: string, db: Tx | typeof prisma) {
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`
    const taken = await db.producer.findUnique({ where: { slug: candidate }, select: { id: true } })
    if (!taken) return candidate
  }
}

/** The producer's current usage caps per tier (what a purchase would freeze). */
export async function getProducerTerms(
  producerId: string,
  db: Tx | typeof prisma = prisma,
): Promise<Record<TierId, UsageTerms>> {
  const rows = await db.producerLicenseTerms.findMany({
    where: { producerId },
    select: { tier: true, distributionCopies: true, streams: true, musicVideos: true, radioBroadcasting: true },
  })
  const terms = Object.fromEntries(TIER_IDS.map((t) => [t, { ...LICENSE_TIERS[t].defaultTerms }])) as Record<
    TierId,
    UsageTerms
  >
  for (const { tier, ...caps } of rows) terms[tier] = caps
  return terms
}
