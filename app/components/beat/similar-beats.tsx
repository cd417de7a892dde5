import { useMemo } from 'react'
import { BeatCard } from '~/components/catalog/beat-card'
import { useClientLinks } from '~/components/catalog/client-links'
import { toTrack } from '~/components/catalog/track'
import type { CardBeatData } from '~/lib/catalog/card'

/** "Similar beats" under the beat page: same producer first, then genre, mood, key and tempo. */
export function SimilarBeats({ beats, currency }: { beats: CardBeatData[]; currency: string }) {
  const onListClick = useClientLinks()
  const tracks = useMemo(() => beats.filter((b) => b.hasPreview).map(toTrack), [beats])
  if (!beats.length) return null
  return (
    <section aria-labelledby="similar-title" className="mt-12">
      <h2 id="similar-title" className="mb-4 text-xl font-bold">
        Similar beats
      </h2>
      <ul aria-label="Similar beats" onClick={onListClick} className="grid grid-cols-1 gap-4 min-[420px]:grid-cols-2 md:grid-cols-3 sm:gap-5 lg:grid-cols-6">
        {beats.map((beat) => (
          <BeatCard key={beat.id} beat={beat} track={toTrack(beat)} list={tracks} currency={currency} />
        ))}
      </ul>
    </section>
  )
}
