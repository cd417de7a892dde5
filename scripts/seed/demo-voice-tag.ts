import { createHash } from 'node:crypto'
import { runRenderPreview } from '~/lib/audio/preview/job.server'
import { renderKeyFor } from '~/lib/audio/preview/request.server'
import { getStorage } from '~/lib/storage/index.server'
import { saveVoiceTagFile, saveQueuedRender } from '~/models/voice-tag.server'
import { chirpTag } from './audio/chirp-tag'
import { SAMPLE_RATE } from './audio/dsp'
import { encodeWav } from './audio/wav'

// One demo beat whose preview the store rendered itself: its producer gets a voice tag (a chirp,
// since a speech synthesiser is not guaranteed on a fresh machine) and the preview is rendered
// here, synchronously, by the same function the background job runs.

export async function seedTaggedPreview(producerId: string, beatId: string, wavSha256: string): Promise<boolean> {
  const signal = chirpTag(SAMPLE_RATE)
  const wav = encodeWav({ left: signal, right: signal }, SAMPLE_RATE, { mono: true })
  const sha256 = createHash('sha256').update(wav).digest('hex')
  const key = `producers/${producerId}/voice-tag-${sha256.slice(0, 16)}.wav`
  await getStorage().put(key, wav, { kind: 'PREVIEW', contentType: 'audio/wav' })
  const tag = await saveVoiceTagFile(producerId, {
    storageKey: key,
    contentType: 'audio/wav',
    bytes: wav.length,
    sha256,
    durationMs: Math.round((signal.length / SAMPLE_RATE) * 1000),
    originalName: 'demo-tag.wav',
  })
  const renderKey = renderKeyFor(wavSha256, tag.version)
  // The generated preview is the demo's own upload; this beat asks the store to replace it.
  await saveQueuedRender(beatId, renderKey, true)
  return (await runRenderPreview({ beatId, renderKey })) === 'ready'
}
