import { prisma } from '~/models/db.server'

/** One round trip to the database (the health check); throws when it cannot be reached. */
export async function pingDatabase(): Promise<void> {
  await prisma.$queryRaw`SELECT 1`
}
