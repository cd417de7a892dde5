import { prisma, type Tx } from '~/models/db.server'

// Password reset tokens: only the sha256 of a token is stored. A token is spent by a conditional
// UPDATE, so of two concurrent uses only one succeeds.

type Db = Tx | typeof prisma

export async function insertResetToken(
  db: Db,
  token: { producerId: string; tokenHash: string; expiresAt: Date },
): Promise<{ id: string }> {
  return db.passwordResetToken.create({ data: token, select: { id: true } })
}

export function findResetToken(tokenHash: string, db: Db = prisma) {
  return db.passwordResetToken.findUnique({
    where: { tokenHash },
    select: { id: true, producerId: true, expiresAt: true, usedAt: true },
  })
}

/** Marks the token used if it still was not; returns whether this call spent it. */
export async function spendResetToken(db: Db, tokenId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.passwordResetToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: now } })
  return count === 1
}

/** Spends every open token of the producer (a reset makes the other links useless). */
export async function spendOpenResetTokens(db: Db, producerId: string, now = new Date()) {
  await db.passwordResetToken.updateMany({ where: { producerId, usedAt: null }, data: { usedAt: now } })
}
