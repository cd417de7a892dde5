import { prisma } from '~/lib/db.server'

/** The cheapest round trip that proves the pool can reach the database. */
export async function pingDatabase(): Promise<void> {
  await prisma.$queryRaw`SELECT 1`
}
