import type { LicenseTier } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'
import { DEFAULT_CONTRACT_SETTINGS, type ContractSettings } from '~/lib/contracts/values'

// A producer's contract settings and templates, and the contract frozen into each order line.

type Db = Tx | typeof prisma

const settingsSelect = {
  legalName: true,
  territory: true,
  governingLaw: true,
  termYears: true,
  publishingPercent: true,
  creditLine: true,
} as const

/** The producer's settings, or the store's defaults until they save their own. */
export async function getContractSettings(producerId: string, db: Db = prisma): Promise<ContractSettings> {
  const row = await db.producerContractSettings.findUnique({ where: { producerId }, select: settingsSelect })
  return row ?? { ...DEFAULT_CONTRACT_SETTINGS }
}

export async function saveContractSettings(producerId: string, settings: ContractSettings) {
  await prisma.producerContractSettings.upsert({
    where: { producerId },
    create: { producerId, ...settings },
    update: settings,
    select: { producerId: true },
  })
}

/** The producer's own template texts by tier; a tier without one uses the store's default. */
export async function getContractTemplates(producerId: string, db: Db = prisma): Promise<Partial<Record<string, string>>> {
  const rows = await db.contractTemplate.findMany({ where: { producerId }, select: { tier: true, body: true } })
  return Object.fromEntries(rows.map((r) => [r.tier, r.body]))
}

export async function saveContractTemplate(producerId: string, tier: LicenseTier, body: string) {
  await prisma.contractTemplate.upsert({
    where: { producerId_tier: { producerId, tier } },
    create: { producerId, tier, body },
    update: { body },
    select: { tier: true },
  })
}

/** Back to the store's default text for the tier. */
export async function deleteContractTemplate(producerId: string, tier: LicenseTier) {
  await prisma.contractTemplate.deleteMany({ where: { producerId, tier } })
}

/** Lines of an order whose contract was frozen at checkout and is not yet filled. */
export function findUnsealedContracts(tx: Tx, orderId: string) {
  return tx.orderItem.findMany({
    where: { orderId, contractTemplate: { not: null }, contractText: null },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      contractTemplate: true,
      contractValues: true,
      order: { select: { number: true, paidAt: true, createdAt: true, buyerName: true } },
    },
  })
}

/** Writes a line's filled contract once; a second call (a replayed completion) changes nothing. */
export async function sealContract(tx: Tx, orderItemId: string, values: Record<string, string>, text: string, sha256: string) {
  await tx.orderItem.updateMany({
    where: { id: orderItemId, contractText: null },
    data: { contractValues: values, contractText: text, contractSha256: sha256 },
  })
}
