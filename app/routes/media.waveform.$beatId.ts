import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/media.waveform.$beatId'
import { findPublishedWaveformPeaks } from '~/models/beat/waveform.server'

// GET /media/waveform/:beatId: a published beat's waveform peaks as JSON ({ peaks: number[] }), for
// the player when it plays a beat from a list that did not load them.

const Params = z.object({ beatId: z.uuid() })

export async function loader({ params }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw data('That is not a beat id.', { status: 400 })
  const peaks = await findPublishedWaveformPeaks(parsed.data.beatId)
  if (!peaks) throw data('No such beat in the store.', { status: 404 })
  return Response.json({ peaks }, { headers: { 'Cache-Control': 'public, max-age=300' } })
}
