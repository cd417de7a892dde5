import { GoneError, InvalidInputError, NotFoundError } from '~/lib/errors'
import { TIER_IDS, type TierId } from '~/lib/tiers'
import {
  countOwnBeats,
  findLinksForPricing,
  findPrivateLinkPage,
  insertPrivateLink,
  isBeatInLink,
  listProducerLinks,
  recordPrivateLinkOpen,
  revokePrivateLink,
} from '~/models/private-link.server'
import { newLinkId } from './link-id.server'
import { linkGoneMessage, linkPrice, linkState, parseTierPrices } from './link-state'
import type { NewPrivateLink } from './schema'

// Private links: what the studio creates and lists, and what a visitor's page shows.

export async function createPrivateLink(producerId: string, input: NewPrivateLink, now = new Date()) {
  if (input.expiresAt.getTime() <= now.getTime()) throw new InvalidInputError('Choose an expiry in the future.')
  if ((await countOwnBeats(producerId, input.beatIds)) !== input.beatIds.length)
    throw new InvalidInputError('Choose beats from your own catalog (archived beats cannot be shared).')
  return insertPrivateLink({ id: newLinkId(), producerId, ...input })
}

/** The visitor's page; throws GoneError (a 410) once the link is closed, NotFoundError if unknown. */
export async function openPrivateLink(linkId: string, now = new Date()) {
  const link = await findPrivateLinkPage(linkId, now)
  if (!link) throw new NotFoundError('There is no private link at this address. Check it against the message the producer sent you.')
  const state = linkState(link, link.purchases, now)
  if (state !== 'open') throw new GoneError(linkGoneMessage(state))
  await recordPrivateLinkOpen(linkId)
  const prices = parseTierPrices(link.tierPrices)
  return {
    id: link.id,
    note: link.note,
    expiresAt: link.expiresAt,
    producer: link.producer,
    remaining: link.purchaseCap === null ? null : link.purchaseCap - link.purchases,
    beats: link.beats
      .map(({ beat }) => beat)
      .filter((beat) => beat.status !== 'ARCHIVED')
      .map((beat) => {
        const preview = beat.files.find((f) => f.kind === 'PREVIEW')
        return {
          id: beat.id,
          slug: beat.slug,
          title: beat.title,
          bpm: beat.bpm,
          musicalKey: beat.musicalKey,
          genre: beat.genre,
          mood: beat.mood,
          hasCover: beat.files.some((f) => f.kind === 'COVER'),
          hasPreview: Boolean(preview),
          previewDurationMs: preview?.durationMs ?? null,
          published: beat.status === 'PUBLISHED',
          options: TIER_IDS.flatMap((tier: TierId) => {
            const own = beat.tiers.find((t) => t.tier === tier)
            return own ? [{ tier, priceCents: linkPrice(prices, tier, own.priceCents), listPriceCents: own.priceCents }] : []
          }),
        }
      }),
  }
}

/** Whether a beat's preview may be streamed through this link right now (cap aside). */
export async function canPlayThroughLink(linkId: string, beatId: string, now = new Date()) {
  const [link] = await findLinksForPricing([linkId])
  if (!link || linkState({ ...link, purchaseCap: null }, 0, now) !== 'open') return false
  return isBeatInLink(linkId, beatId)
}

export async function studioPrivateLinks(producerId: string, now = new Date()) {
  const links = await listProducerLinks(producerId)
  return links.map((l) => ({
    id: l.id,
    note: l.note,
    createdAt: l.createdAt,
    expiresAt: l.expiresAt,
    beatTitles: l.beats.map((b) => b.beat.title),
    tierPrices: parseTierPrices(l.tierPrices),
    purchaseCap: l.purchaseCap,
    opens: l.opens,
    sales: l.sales,
    state: linkState(l, l.sales, now),
  }))
}

export async function revokeLink(producerId: string, linkId: string, now = new Date()) {
  if (!(await revokePrivateLink(producerId, linkId, now))) throw new NotFoundError('That link is not yours or is already closed.')
}
