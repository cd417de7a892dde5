import { prisma, type Tx } from '~/models/db.server'
import { slugify } from '~/lib/slug'
import { LICENSE_TIERS, TIER_IDS, type TierId, type UsageTerms } from '~/lib/tiers'

type Db = Tx | typeof prisma

export interface NewProducer {
  email: string
  displayName: string
  slug?: string
  bio?: string
  passwordHash?: string | null
}

/** Creates a producer with the default usage caps of every tier (PRODUCT.md). */
export async function createProducer(input: NewProducer, db: Db = prisma) {
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

async function uniqueProducerSlug(base: string, db: Db) {
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`
    const taken = await db.producer.findUnique({ where: { slug: candidate }, select: { id: true } })
    if (!taken) return candidate
  }
}

/** The producer's current usage caps per tier (what a purchase would freeze). */
export async function getProducerTerms(
  producerId: string,
  db: Db = prisma,
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

/** Saves the producer's default caps, all tiers or none; orders already placed keep the terms they froze. */
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

/** The public profile behind /producers/:slug. */
export async function getProducerProfileBySlug(slug: string, db: Db = prisma) {
  return db.producer.findUnique({
    where: { slug },
    select: { id: true, displayName: true, slug: true, bio: true, createdAt: true },
  })
}

/** Who an email belongs to (sign-up, password reset, the demo seed); null for an unknown address. */
export function findProducerByEmail(email: string, db: Db = prisma) {
  return db.producer.findUnique({ where: { email }, select: { id: true, email: true, displayName: true } })
}

/** What signing in checks: the password hash and the session version a new session carries. */
export function findProducerCredentials(email: string, db: Db = prisma) {
  return db.producer.findUnique({ where: { email }, select: { id: true, passwordHash: true, sessionVersion: true } })
}

/** The producer a session cookie names, with the session version it must still match. */
export function findSessionProducer(producerId: string, db: Db = prisma) {
  return db.producer.findUnique({
    where: { id: producerId },
    select: { id: true, email: true, displayName: true, slug: true, sessionVersion: true },
  })
}

/** Sets a new password and moves the session version on, which signs out every older session. */
export function setPasswordAndRevokeSessions(producerId: string, passwordHash: string, db: Db = prisma) {
  return db.producer.update({
    where: { id: producerId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { id: true, sessionVersion: true },
  })
}
