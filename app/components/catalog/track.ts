import type { Track } from '~/lib/player/store'

/** What the player needs from a catalog card or the beat page. */
export function toTrack(beat: {
  id: string
  slug: string
  title: string
  producerName: string
  hasCover: boolean
  previewDurationMs: number | null
}): Track {
  return {
    beatId: beat.id,
    slug: beat.slug,
    title: beat.title,
    producerName: beat.producerName,
    hasCover: beat.hasCover,
    durationMs: beat.previewDurationMs,
  }
}
