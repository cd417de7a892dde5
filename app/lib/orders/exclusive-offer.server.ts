import { LICENSE_TIERS } from '~/lib/tiers'
import { findLiveHold } from '~/models/exclusive.server'

// What the beat page says about a beat's Exclusive: what the buyer gets and what the producer
// keeps, and, while another checkout holds it, when it may be free again.

export async function exclusiveOfferNotes(beat: { id: string; exclusiveSoldAt: Date | null }, now = new Date()) {
  const { rights } = LICENSE_TIERS.EXCLUSIVE
  const heldUntil = beat.exclusiveSoldAt ? null : await findLiveHold(beat.id, now)
  const time = heldUntil?.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
  return {
    rights: ['Yours alone from the purchase on: the beat comes off sale', `The producer keeps: ${rights.producerKeeps.join('; ').toLowerCase()}`],
    holdNote: heldUntil ? `Someone is checking out this Exclusive right now. If they do not pay, it is free again after ${time} UTC.` : null,
  }
}
