import type { LicenseTier } from '~/generated/prisma/enums'

// The one typed description of the license tiers. The beat page, cart, checkout, license PDF and
// the download gate all read this; no tier name is spelled as a loose string elsewhere.

export type DownloadKind = 'MP3' | 'WAV' | 'STEMS'

export interface UsageTerms {
  /** null = unlimited */
  distributionCopies: number | null
  streams: number | null
  musicVideos: number | null
  radioBroadcasting: boolean
}

/** What the license hands over and what stays with the producer, in a person's words. */
interface LicenseRights {
  exclusive: boolean
  transfers: string
  producerKeeps: readonly string[]
}

interface TierDefinition {
  id: LicenseTier
  label: string
  files: readonly DownloadKind[]
  defaultPriceCents: number
  defaultTerms: UsageTerms
  blurb: string
  /** New beats offer it unless the producer switches it off (Exclusive is opt-in per beat). */
  offeredByDefault: boolean
  rights: LicenseRights
}

const LEASE_RIGHTS: LicenseRights = {
  exclusive: false,
  transfers: 'A non-exclusive license to use the beat in one new song within the caps below; the producer may license it to others.',
  producerKeeps: ['Ownership of the beat', 'Credit as producer ("prod. by …")', 'Their publishing share of the song'],
}

export const LICENSE_TIERS = {
  BASIC: {
    id: 'BASIC',
    label: 'Basic',
    files: ['MP3'],
    defaultPriceCents: 2_500,
    defaultTerms: { distributionCopies: 2_500, streams: 100_000, musicVideos: 1, radioBroadcasting: false },
    blurb: 'Tagless MP3 for demos and first releases.',
    offeredByDefault: true,
    rights: LEASE_RIGHTS,
  },
  TRACKOUT: {
    id: 'TRACKOUT',
    label: 'Trackout',
    files: ['MP3', 'WAV', 'STEMS'],
    defaultPriceCents: 10_000,
    defaultTerms: { distributionCopies: 10_000, streams: 500_000, musicVideos: 2, radioBroadcasting: true },
    blurb: 'MP3, WAV and stems so your engineer can mix it properly.',
    offeredByDefault: true,
    rights: LEASE_RIGHTS,
  },
  UNLIMITED: {
    id: 'UNLIMITED',
    label: 'Unlimited',
    files: ['MP3', 'WAV', 'STEMS'],
    defaultPriceCents: 25_000,
    defaultTerms: { distributionCopies: null, streams: null, musicVideos: null, radioBroadcasting: true },
    blurb: 'Everything, with no caps on copies, streams or videos.',
    offeredByDefault: true,
    rights: LEASE_RIGHTS,
  },
  EXCLUSIVE: {
    id: 'EXCLUSIVE',
    label: 'Exclusive',
    files: ['MP3', 'WAV', 'STEMS'],
    defaultPriceCents: 150_000,
    defaultTerms: { distributionCopies: null, streams: null, musicVideos: null, radioBroadcasting: true },
    blurb: 'Every file, and the beat is yours alone: it comes off sale the moment you pay.',
    offeredByDefault: false,
    rights: {
      exclusive: true,
      transfers:
        'Exclusive use of the beat from the purchase on: it comes off sale and no new licenses are sold. Licenses sold before the purchase stay valid.',
      producerKeeps: ['Credit as producer ("prod. by …") on every release', 'Their publishing share of the song'],
    },
  },
} as const satisfies Record<LicenseTier, TierDefinition>

export type TierId = keyof typeof LICENSE_TIERS

/** Cheapest first: the order tiers are shown in everywhere. */
export const TIER_IDS = ['BASIC', 'TRACKOUT', 'UNLIMITED', 'EXCLUSIVE'] as const satisfies readonly TierId[]

/** Whether `to` is a higher tier than `from` (an upgrade may only go up). */
export function isHigherTier(from: TierId, to: TierId): boolean {
  return TIER_IDS.indexOf(to) > TIER_IDS.indexOf(from)
}

export const DOWNLOAD_KINDS = ['MP3', 'WAV', 'STEMS'] as const satisfies readonly DownloadKind[]

export const DOWNLOAD_KIND_LABELS: Record<DownloadKind, string> = {
  MP3: 'MP3',
  WAV: 'WAV',
  STEMS: 'Stems (zip)',
}

export function isTierId(value: unknown): value is TierId {
  return typeof value === 'string' && Object.hasOwn(LICENSE_TIERS, value)
}

export function tierIncludes(tier: TierId, kind: DownloadKind): boolean {
  return (LICENSE_TIERS[tier].files as readonly DownloadKind[]).includes(kind)
}

/** The cheapest tier that includes a file kind, for "stems come with Trackout" messages. */
export function cheapestTierIncluding(kind: DownloadKind): TierId {
  const found = TIER_IDS.find((t) => tierIncludes(t, kind))
  if (!found) throw new Error(`No tier includes ${kind}`)
  return found
}

/** What an order line freezes at purchase; later edits by the producer never change it. */
export interface LicenseTermsSnapshot {
  tier: TierId
  label: string
  files: DownloadKind[]
  terms: UsageTerms
  /** Absent on lines bought before rights were recorded (all of them leases). */
  rights?: { exclusive: boolean; transfers: string; producerKeeps: string[] }
}

export function snapshotTerms(tier: TierId, terms: UsageTerms): LicenseTermsSnapshot {
  const rights = LICENSE_TIERS[tier].rights
  return {
    tier,
    label: LICENSE_TIERS[tier].label,
    files: [...LICENSE_TIERS[tier].files],
    terms: { ...terms },
    rights: { exclusive: rights.exclusive, transfers: rights.transfers, producerKeeps: [...rights.producerKeeps] },
  }
}

function formatCap(value: number | null, unit: string): string {
  return value === null ? `Unlimited ${unit}` : `${value.toLocaleString('en-US')} ${unit}`
}

/** Human lines describing usage caps, shared by the beat page, cart, PDF and emails. */
export function describeTerms(terms: UsageTerms): string[] {
  return [
    formatCap(terms.distributionCopies, 'distribution copies'),
    formatCap(terms.streams, 'audio streams'),
    terms.musicVideos === null
      ? 'Unlimited music videos'
      : `${terms.musicVideos} music video${terms.musicVideos === 1 ? '' : 's'}`,
    terms.radioBroadcasting ? 'Radio broadcasting allowed' : 'No radio broadcasting',
  ]
}
