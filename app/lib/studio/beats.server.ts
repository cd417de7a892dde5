import type { FileKind } from '~/generated/prisma/enums'
import { prisma } from '~/models/db.server'
import { ConflictError } from '~/lib/errors'
import { slugify } from '~/lib/slug'
import { getStorage } from '~/lib/storage/index.server'
import { createBeat, refreshBeatDerivedFields, uniqueBeatSlug } from '~/models/beat/beat.server'
import { deleteBeatRecord, getBeatState, saveBeatDetails, saveBeatTiers, setBeatStatus } from '~/models/studio-beat.server'
import type { BeatDetails } from './beat-schema'
import type { TierSettings } from './prices'
import { missingForPublish } from './publishing'

// The studio's beat rules: slugs stay put once a beat has been public, a beat that ever sold is
// archived rather than deleted (buyers keep their files), and publishing needs its files.

export async function createStudioBeat(producerId: string, details: BeatDetails) {
  return createBeat({ producerId, ...details, status: 'DRAFT' })
}

export async function updateBeatDetails(producerId: string, beatId: string, details: BeatDetails) {
  await prisma.$transaction(async (tx) => {
    const beat = await getBeatState(producerId, beatId, tx)
    // A never-published draft may still follow its title; after that the URL is someone's link.
    const slug =
      beat.publishedAt === null && beat.title !== details.title
        ? await uniqueBeatSlug(slugify(details.title), tx, beat.id)
        : undefined
    await saveBeatDetails(beat.id, { ...details, ...(slug ? { slug } : {}) }, tx)
    await refreshBeatDerivedFields(beat.id, tx)
  })
}

export async function updateBeatTiers(producerId: string, beatId: string, tiers: TierSettings) {
  await prisma.$transaction(async (tx) => {
    const beat = await getBeatState(producerId, beatId, tx)
    if (beat.status === 'PUBLISHED') {
      const problems = missingForPublish(
        beat.files.map((f) => f.kind),
        Object.entries(tiers).map(([tier, v]) => ({ tier: tier as keyof TierSettings, enabled: v.enabled })),
      )
      if (problems.length) {
        throw new ConflictError(`This beat is live, so that change was not saved: ${problems.join(' ')}`)
      }
    }
    await saveBeatTiers(beat.id, tiers, tx)
    await refreshBeatDerivedFields(beat.id, tx)
  })
}

export async function publishBeat(producerId: string, beatId: string) {
  await prisma.$transaction(async (tx) => {
    const beat = await getBeatState(producerId, beatId, tx)
    if (beat.status === 'PUBLISHED') return
    const problems = missingForPublish(beat.files.map((f) => f.kind), beat.tiers)
    if (problems.length) throw new ConflictError(`Not ready to publish. ${problems.join(' ')}`)
    await setBeatStatus(beat.id, 'PUBLISHED', beat.publishedAt ?? new Date(), tx)
  })
}

export async function unpublishBeat(producerId: string, beatId: string) {
  const beat = await getBeatState(producerId, beatId)
  if (beat.status !== 'PUBLISHED') return
  await setBeatStatus(beat.id, 'DRAFT', beat.publishedAt)
}

export async function archiveBeat(producerId: string, beatId: string) {
  const beat = await getBeatState(producerId, beatId)
  await setBeatStatus(beat.id, 'ARCHIVED', beat.publishedAt)
}

export async function restoreBeat(producerId: string, beatId: string) {
  const beat = await getBeatState(producerId, beatId)
  if (beat.status !== 'ARCHIVED') return
  await setBeatStatus(beat.id, 'DRAFT', beat.publishedAt)
}

/** Deletes a beat that never sold and is not live; anything else must be archived instead. */
export async function deleteBeat(producerId: string, beatId: string) {
  const files = await prisma.$transaction(async (tx) => {
    const beat = await getBeatState(producerId, beatId, tx)
    if (beat._count.orderItems > 0) {
      throw new ConflictError('This beat has orders, so it cannot be deleted: buyers keep their files. Archive it instead.')
    }
    if (beat.status === 'PUBLISHED') throw new ConflictError('Unpublish the beat before deleting it.')
    await deleteBeatRecord(beat.id, tx)
    return beat.files
  })
  await deleteStoredFiles(files)
}

/** Best effort: a beat's rows are gone already; a stray object is harmless, a half-deleted beat is not. */
async function deleteStoredFiles(files: readonly { kind: FileKind; storageKey: string }[]) {
  const storage = getStorage()
  await Promise.all(files.map((f) => storage.delete(f.storageKey, f.kind).catch(() => {})))
}
