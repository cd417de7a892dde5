import { prisma, type Tx } from '~/models/db.server'

// Collaborator splits on a beat: a whole percent of the producer's share each; the owner keeps the
// rest (app/lib/payouts/split.ts beatParts).

type Db = Tx | typeof prisma

export function listSplitsOfProducer(producerId: string) {
  return prisma.beatSplit.findMany({
    where: { beat: { producerId } },
    orderBy: [{ beat: { title: 'asc' } }, { createdAt: 'asc' }],
    select: {
      id: true,
      percent: true,
      payeeEmail: true,
      beat: { select: { id: true, title: true } },
      payee: { select: { displayName: true } },
    },
  })
}

export function listBeatsOfProducer(producerId: string) {
  return prisma.beat.findMany({
    where: { producerId, status: { not: 'ARCHIVED' } },
    orderBy: { title: 'asc' },
    select: { id: true, title: true },
  })
}

/** The splits of some beats, for planning a paid order's payouts. */
export function findSplitsOfBeats(db: Db, beatIds: string[]) {
  return db.beatSplit.findMany({
    where: { beatId: { in: beatIds } },
    orderBy: { createdAt: 'asc' },
    select: { beatId: true, payeeProducerId: true, payeeEmail: true, percent: true },
  })
}

export function findProducerByEmail(email: string, db: Db = prisma) {
  return db.producer.findUnique({ where: { email }, select: { id: true, email: true } })
}

/**
 * Adds (or changes) a collaborator's part of one of the producer's beats, in one transaction that
 * locks the beat so two concurrent additions cannot together exceed 100 %. Returns false when the
 * beat is not theirs, 'over' when the parts would exceed 100.
 */
export async function upsertSplit(
  producerId: string,
  split: { beatId: string; payeeEmail: string; payeeProducerId: string | null; percent: number },
): Promise<'saved' | 'not-found' | 'over'> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Beat" WHERE id = ${split.beatId}::uuid AND "producerId" = ${producerId}::uuid FOR UPDATE`
    if (!locked.length) return 'not-found'
    const others = await tx.beatSplit.aggregate({
      where: { beatId: split.beatId, NOT: { payeeEmail: split.payeeEmail } },
      _sum: { percent: true },
    })
    if ((others._sum.percent ?? 0) + split.percent > 100) return 'over'
    await tx.beatSplit.upsert({
      where: { beatId_payeeEmail: { beatId: split.beatId, payeeEmail: split.payeeEmail } },
      create: split,
      update: { percent: split.percent, payeeProducerId: split.payeeProducerId },
      select: { id: true },
    })
    return 'saved'
  })
}

export async function deleteSplit(producerId: string, splitId: string): Promise<boolean> {
  const { count } = await prisma.beatSplit.deleteMany({ where: { id: splitId, beat: { producerId } } })
  return count === 1
}

export async function findBeatIdByTitle(producerId: string, title: string): Promise<string | null> {
  const beat = await prisma.beat.findFirst({ where: { producerId, title }, select: { id: true } })
  return beat?.id ?? null
}
