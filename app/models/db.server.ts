import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'
import { getEnv } from '~/lib/env.server'

// One client per process. The start script (or a test's setup) has set DATABASE_URL before any
// module that imports this is loaded.

declare global {
  var __beatstallPrisma: PrismaClient | undefined
}

function createPrisma(): PrismaClient {
  const env = getEnv()
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: start the store with `npm start`, which provides one.')
  }
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE })
  return new PrismaClient({ adapter })
}

export const prisma: PrismaClient = (globalThis.__beatstallPrisma ??= createPrisma())
/** The client handed to `$transaction(async (tx) => …)` callbacks. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
