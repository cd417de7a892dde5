import { InvalidInputError } from '~/lib/errors'
import type { CodeToApply, DealToApply } from '~/lib/pricing/price-order'
import type { prisma, Tx } from '~/models/db.server'
import { countCouponUses, findCouponByCode, type CouponRow } from '~/models/coupon.server'
import { findLiveDeals, type DealRow } from '~/models/deal.server'

// Reads the deals and the code that priceOrder needs, and refuses a code the database already
// rules out (unknown, not started, ended, used up). What the lines decide (wrong producer, below a
// minimum) priceOrder says itself.

type Db = Tx | typeof prisma

/** A code refused at the cart or checkout; the message says which rule refused it. */
export class CodeRefused extends InvalidInputError {}

export function normalizeCode(raw: string | null | undefined): string | null {
  const code = raw?.trim().toUpperCase()
  return code ? code : null
}

export function toDeal(row: Omit<DealRow, 'startsAt' | 'endsAt'>): DealToApply {
  const base = { id: row.id, producerId: row.producerId, producerName: row.producer.displayName, includeExclusive: row.includeExclusive }
  return row.kind === 'BUY_GET'
    ? { ...base, kind: 'BUY_GET', tier: row.tier, buyQuantity: row.buyQuantity ?? 1, freeQuantity: row.freeQuantity ?? 1 }
    : { ...base, kind: 'BUNDLE', tier: row.tier ?? '', quantity: row.bundleQuantity ?? 2, priceCents: row.bundlePriceCents ?? 0 }
}

export function toCode(row: CouponRow): CodeToApply {
  return {
    code: row.code,
    producerId: row.producerId,
    producerName: row.producer?.displayName,
    percentOff: row.percentOff,
    amountOffCents: row.amountOffCents,
    stacksWithDeals: row.stacksWithDeals,
    includeExclusive: row.includeExclusive,
    tiers: row.tiers,
    beatIds: row.beatIds,
    minLines: row.minLines,
    minSubtotalCents: row.minSubtotalCents,
  }
}

const day = (d: Date) => d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

/** The code's row when it can be used at `now`; throws CodeRefused with the reason otherwise. */
async function usableCoupon(code: string, now: Date, db?: Db): Promise<CouponRow> {
  const row = await findCouponByCode(code, db)
  if (!row) throw new CodeRefused(`We don't know the code ${code}. Check the spelling.`)
  if (row.startsAt > now) throw new CodeRefused(`The code ${code} can be used from ${day(row.startsAt)}.`)
  if (row.endsAt && row.endsAt <= now) throw new CodeRefused(`The code ${code} expired on ${day(row.endsAt)}.`)
  if (row.maxUses !== null && (await countCouponUses(row.id, db)) >= row.maxUses)
    throw new CodeRefused(`The code ${code} has been used up.`)
  return row
}

/** Live deals of the cart's producers, and the code (null when none was typed). */
export async function loadDiscounts(producerIds: string[], rawCode: string | null, now: Date, db?: Db) {
  const deals = (await findLiveDeals([...new Set(producerIds)], now, db)).map(toDeal)
  const code = normalizeCode(rawCode)
  const coupon = code ? await usableCoupon(code, now, db) : null
  return { deals, coupon }
}
