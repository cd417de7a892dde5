import { prisma, type Tx } from '~/models/db.server'

// A beat's stored waveform peaks, and the audio file they are computed from.

type Db = Tx | typeof prisma

/** Preview first (it is what the player plays), then the full MP3, then the WAV. */
const SOURCE_ORDER = ['PREVIEW', 'MP3', 'WAV'] as const

export async function findWaveformSource(beatId: string, db: Db = prisma) {
  const files = await db.beatFile.findMany({
    where: { beatId, kind: { in: [...SOURCE_ORDER] } },
    select: { kind: true, storageKey: true, contentType: true },
  })
  for (const kind of SOURCE_ORDER) {
    const file = files.find((f) => f.kind === kind)
    if (file) return file
  }
  return null
}

export async function saveWaveformPeaks(beatId: string, peaks: number[], db: Db = prisma) {
  await db.beat.update({ where: { id: beatId }, data: { waveformPeaks: peaks }, select: { id: true } })
}

/** A published beat's stored peaks ([] before they are computed); null for any other beat. */
export async function findPublishedWaveformPeaks(beatId: string, db: Db = prisma): Promise<number[] | null> {
  const beat = await db.beat.findFirst({ where: { id: beatId, status: 'PUBLISHED' }, select: { waveformPeaks: true } })
  return beat?.waveformPeaks ?? null
}

/** Beats that have audio but no peaks yet (uploaded before peaks existed, or a failed computation). */
export async function listBeatIdsWithoutWaveform(db: Db = prisma): Promise<string[]> {
  const rows = await db.beat.findMany({
    where: { waveformPeaks: { isEmpty: true }, files: { some: { kind: { in: [...SOURCE_ORDER] } } } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  })
  return rows.map((r) => r.id)
}
