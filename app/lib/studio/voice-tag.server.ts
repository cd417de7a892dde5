import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import { bufferSource } from '~/lib/audio/preview/byte-source'
import { AudioFormatError } from '~/lib/audio/preview/errors'
import { peak, toMono, durationSeconds } from '~/lib/audio/preview/pcm'
import { decodeAudio, type AudioFormat } from '~/lib/audio/preview/render.server'
import { requestPreviewRender, requestProducerRenders, type RenderRequestOutcome } from '~/lib/audio/preview/request.server'
import { InvalidInputError, NotFoundError } from '~/lib/errors'
import { getStorage } from '~/lib/storage/index.server'
import { prisma } from '~/models/db.server'
import { deleteVoiceTag, findVoiceTag, saveVoiceTagFile, saveVoiceTagSettings } from '~/models/voice-tag.server'
import { VOICE_TAG_LIMITS, type VoiceTagSettingsInput } from './voice-tag-settings'

// A producer's voice tag: uploaded once (a short WAV or MP3, checked by decoding it), with the
// settings the store renders every tagged preview with. Any change re-renders, in the same
// transaction, the previews the store makes for that producer (never an uploaded one).

/** Checks and stores a tag; returns how many previews were queued for rendering. */
export async function uploadVoiceTag(producerId: string, file: File | null) {
  if (!file || file.size === 0) throw new InvalidInputError('Choose a WAV or MP3 file for your voice tag.', 'unreadable')
  if (file.size > VOICE_TAG_LIMITS.maxBytes) throw new InvalidInputError('A voice tag must be at most 2 MB: a few seconds of audio.', 'too-large')
  const bytes = new Uint8Array(await file.arrayBuffer())
  const type = await fileTypeFromBuffer(bytes)
  const format: AudioFormat | null = type?.mime === 'audio/mpeg' ? 'mp3' : type?.ext === 'wav' ? 'wav' : null
  if (!format) throw new InvalidInputError(`A voice tag must be a WAV or MP3 file; this one is ${type ? `a ${type.ext.toUpperCase()} file` : 'not audio we recognise'}.`, 'unsupported')
  const seconds = await checkTagAudio(bytes, format)

  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const key = `producers/${producerId}/voice-tag-${sha256.slice(0, 16)}.${format}`
  const contentType = format === 'wav' ? 'audio/wav' : 'audio/mpeg'
  const storage = getStorage()
  const previous = await findVoiceTag(producerId)
  await storage.put(key, Buffer.from(bytes), { kind: 'PREVIEW', contentType, maxBytes: VOICE_TAG_LIMITS.maxBytes })
  const queued = await prisma.$transaction(async (tx) => {
    await saveVoiceTagFile(producerId, { storageKey: key, contentType, bytes: bytes.byteLength, sha256, durationMs: Math.round(seconds * 1000), originalName: file.name.slice(0, 200) }, tx)
    return requestProducerRenders(tx, producerId)
  })
  if (previous && previous.storageKey !== key) await storage.delete(previous.storageKey, 'PREVIEW').catch(() => {})
  return { queued }
}

async function checkTagAudio(bytes: Uint8Array, format: AudioFormat): Promise<number> {
  let seconds: number
  let loudest: number
  try {
    const pcm = await decodeAudio(bufferSource(bytes), format, 0, VOICE_TAG_LIMITS.maxSeconds + 1)
    seconds = durationSeconds(pcm)
    loudest = peak(toMono(pcm))
  } catch (error) {
    if (error instanceof AudioFormatError) throw new InvalidInputError(`The voice tag could not be read: ${error.message}`, 'unreadable')
    throw error
  }
  if (seconds > VOICE_TAG_LIMITS.maxSeconds) throw new InvalidInputError(`A voice tag may last at most ${VOICE_TAG_LIMITS.maxSeconds} seconds; trim it and upload it again.`, 'unreadable')
  if (seconds < VOICE_TAG_LIMITS.minSeconds) throw new InvalidInputError('This voice tag is too short to hear; it needs at least a third of a second of audio.', 'unreadable')
  if (loudest < 0.01) throw new InvalidInputError('This voice tag is silent; export it again with the voice audible.', 'unreadable')
  return seconds
}

export async function updateVoiceTagSettings(producerId: string, settings: VoiceTagSettingsInput) {
  return prisma.$transaction(async (tx) => {
    const saved = await saveVoiceTagSettings(producerId, settings, tx)
    if (!saved) throw new NotFoundError('Upload a voice tag first; the settings belong to it.')
    return { queued: await requestProducerRenders(tx, producerId) }
  })
}

/** Removes the tag. Previews already rendered stay as they are (the producer can upload their own). */
export async function removeVoiceTag(producerId: string) {
  const tag = await findVoiceTag(producerId)
  if (!tag) return
  await deleteVoiceTag(producerId)
  await getStorage().delete(tag.storageKey, 'PREVIEW').catch(() => {})
}

/**
 * The beat editor's "render" button: renders again now (also after a failure), and replaces the
 * producer's own uploaded preview only when `replaceUploaded` says so.
 */
export async function renderBeatPreview(beatId: string, replaceUploaded: boolean): Promise<RenderRequestOutcome> {
  const outcome = await prisma.$transaction((tx) => requestPreviewRender(tx, beatId, { again: true, replaceUploaded }))
  if (outcome === 'no-tag') throw new InvalidInputError('Upload a voice tag first (Studio → Voice tag).')
  if (outcome === 'no-source') throw new InvalidInputError('Upload the beat’s WAV or MP3 first; the preview is made from it.')
  if (outcome === 'uploaded-preview') throw new InvalidInputError('This beat plays your own uploaded preview; choose “Replace it with a tagged one” to use the store’s.')
  return outcome
}
