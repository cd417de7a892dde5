import { randomBytes } from 'node:crypto'
import type { BeatStatus } from '~/generated/prisma/enums'
import { createBeat, type NewBeat } from '~/models/beat/beat.server'
import { upsertBeatFile } from '~/models/beat/files.server'
import { createProducer } from '~/models/producer.server'

// Factories shared by the tests (the seed uses the same model functions).

const uid = () => randomBytes(4).toString('hex')

export async function makeProducer(overrides: { email?: string; displayName?: string; passwordHash?: string } = {}) {
  const id = uid()
  return createProducer({
    email: overrides.email ?? `producer-${id}@example.test`,
    displayName: overrides.displayName ?? `Producer ${id}`,
    passwordHash: overrides.passwordHash,
  })
}

export async function makeBeat(
  overrides: Partial<NewBeat> & { producerId?: string; status?: BeatStatus; withFiles?: boolean } = {},
) {
  const producerId = overrides.producerId ?? (await makeProducer()).id
  const { withFiles = true, ...rest } = overrides
  const beat = await createBeat({
    title: `Beat ${uid()}`,
    bpm: 92,
    musicalKey: 'A minor',
    genre: 'Trap',
    mood: 'Dark',
    tags: ['dark', 'trap'],
    status: 'PUBLISHED',
    ...rest,
    producerId,
  })
  if (withFiles) {
    for (const kind of ['PREVIEW', 'MP3', 'WAV', 'STEMS'] as const) {
      const ext = kind === 'STEMS' ? 'zip' : kind === 'WAV' ? 'wav' : 'mp3'
      await upsertBeatFile(beat.id, {
        kind,
        storageKey: `beats/${beat.id}/${kind.toLowerCase()}.${ext}`,
        contentType: kind === 'STEMS' ? 'application/zip' : kind === 'WAV' ? 'audio/wav' : 'audio/mpeg',
        bytes: 1000,
        sha256: '0'.repeat(64),
      })
    }
  }
  return { ...beat, producerId }
}
