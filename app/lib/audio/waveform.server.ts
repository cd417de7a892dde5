import { readFile } from 'node:fs/promises'
import type { FileKind } from '~/generated/prisma/enums'
import { logger } from '~/lib/logger.server'
import { getStorage } from '~/lib/storage/index.server'
import type { LocalFileStorage } from '~/lib/storage/local.server'
import { findWaveformSource, listBeatIdsWithoutWaveform, saveWaveformPeaks } from '~/models/beat/waveform.server'
import { peaksFromAudio, type AudioFormat } from './decode.server'

// A beat's waveform is computed once, on the server, from its preview (else MP3, else WAV) and
// stored with the beat, so pages and the player draw it from 200 numbers instead of decoding audio.

const FETCH_TIMEOUT_MS = 60_000

async function readStoredAudio(file: { storageKey: string; kind: FileKind; contentType: string }): Promise<Uint8Array> {
  const storage = getStorage()
  if (storage.driver === 'local') return readFile((storage as LocalFileStorage).pathFor(file.storageKey))
  // Cloudinary keeps the file; a short-lived signed URL fetches it once.
  const url = storage.signedDownloadUrl(file.storageKey, { kind: file.kind, contentType: file.contentType, expiresAt: new Date(Date.now() + 10 * 60_000) })
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  if (!response.ok) throw new Error(`the stored audio answered ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** Recomputes and stores the beat's peaks from its best audio file; [] when it has none. */
export async function refreshWaveform(beatId: string): Promise<number[]> {
  const source = await findWaveformSource(beatId)
  const peaks = source
    ? await peaksFromAudio(await readStoredAudio(source), (source.kind === 'WAV' ? 'wav' : 'mp3') satisfies AudioFormat)
    : []
  await saveWaveformPeaks(beatId, peaks)
  return peaks
}

/**
 * After an audio upload: a waveform that cannot be computed is logged and left for the backfill,
 * never a failed upload (the file itself was checked and stored).
 */
export async function refreshWaveformAfterUpload(beatId: string, kind: string): Promise<void> {
  if (kind !== 'PREVIEW' && kind !== 'MP3' && kind !== 'WAV') return
  try {
    await refreshWaveform(beatId)
  } catch (err) {
    logger.warn({ err, beatId }, 'waveform peaks could not be computed')
  }
}

/** Computes peaks for every beat with audio but none stored, one at a time; returns how many. */
export async function backfillWaveforms(options: { signal?: AbortSignal } = {}): Promise<{ done: number; failed: number }> {
  let done = 0
  let failed = 0
  for (const beatId of await listBeatIdsWithoutWaveform()) {
    if (options.signal?.aborted) break
    try {
      await refreshWaveform(beatId)
      done++
    } catch (err) {
      failed++
      logger.warn({ err, beatId }, 'waveform peaks could not be computed')
    }
  }
  return { done, failed }
}

/** Starts the backfill in the background of the server; the returned function stops it between beats. */
export function startWaveformBackfill(): () => Promise<void> {
  const controller = new AbortController()
  const running = backfillWaveforms({ signal: controller.signal })
    .then(({ done, failed }) => {
      if (done || failed) logger.info({ done, failed }, 'waveform backfill finished')
    })
    .catch((err: unknown) => logger.warn({ err }, 'waveform backfill stopped'))
  return async () => {
    controller.abort()
    await running
  }
}
