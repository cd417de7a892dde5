import { prisma, type Tx } from '~/models/db.server'

// "Email a link to this address" requests from the public forms. The form inserts one row, the
// same statement for every address; the mail worker takes rows one by one and decides.

export type MailRequestKind = 'order-link' | 'password-reset'

export interface MailRequest {
  id: string
  kind: string
  email: string
}

export async function insertMailRequest(kind: MailRequestKind, email: string): Promise<void> {
  await prisma.mailRequest.create({ data: { kind, email }, select: { id: true } })
}

/**
 * Takes the oldest request, deleting it in `tx`: it is gone only if the transaction that handles it
 * commits. SKIP LOCKED lets two workers take different rows.
 */
export async function takeMailRequest(tx: Tx): Promise<MailRequest | null> {
  const rows = await tx.$queryRaw<MailRequest[]>`
    DELETE FROM "MailRequest"
    WHERE id = (SELECT id FROM "MailRequest" ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, email`
  return rows[0] ?? null
}
