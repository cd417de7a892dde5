import { prisma, type Tx } from '~/models/db.server'

// The storefront's version: database triggers bump it at the commit of any change to a beat, its
// files or tiers, a producer or their license terms (migration 20261202064000_catalog_version).

type Db = Tx | typeof prisma

export async function readCatalogVersion(db: Db = prisma): Promise<bigint> {
  const row = await db.catalogVersion.findUnique({ where: { id: 1 }, select: { version: true } })
  return row?.version ?? 0n
}
