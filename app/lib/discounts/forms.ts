import { z } from 'zod'
import { TIER_IDS } from '~/lib/tiers'

// What a producer (studio) or the operator (CLI) types to create a bulk deal or a code. Money is
// typed in dollars and kept in cents; dates are days (UTC): a deal starts at the start of its
// first day and ends at the end of its last.

const blank = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : v)
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())

function dollars(message: string, min = 0) {
  return z
    .string({ error: message })
    .trim()
    .transform((raw, ctx) => {
      const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(raw.replace(/^\$/, '').replace(/,/g, ''))
      if (!match) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
    })
    .pipe(z.number().int().min(min, message).max(1_000_000_00, message))
}

const count = (message: string, min: number, max: number) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message)
const day = z.preprocess(blank, z.iso.date('Pick a date like 2026-12-24.').optional())

/** Tier ids a deal or code may name (string-compatible with tiers added later). */
const tierId = z.enum(TIER_IDS, { error: 'Pick one of the license tiers.' })

function window<T extends { startsOn?: string; endsOn?: string }>(v: T, ctx: z.RefinementCtx, now: Date) {
  const startsAt = v.startsOn ? new Date(`${v.startsOn}T00:00:00Z`) : now
  const endsAt = v.endsOn ? new Date(new Date(`${v.endsOn}T00:00:00Z`).getTime() + 24 * 3600_000) : null
  if (endsAt && endsAt <= startsAt) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The last day must be on or after the first day.' })
  if (endsAt && endsAt <= now) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The last day is already past.' })
  return { startsAt, endsAt }
}

export function dealFormSchema(now = new Date()) {
  return z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('BUY_GET'),
        tier: z.preprocess(blank, tierId.optional()),
        buyQuantity: count('Buy: a whole number from 1 to 20.', 1, 20),
        freeQuantity: count('Free: a whole number from 1 to 20.', 1, 20),
      }),
      z.object({
        kind: z.literal('BUNDLE'),
        tier: tierId,
        bundleQuantity: count('How many: a whole number from 2 to 20.', 2, 20),
        bundlePrice: dollars('Enter the bundle price in dollars, like 60 or 59.99.'),
      }),
    ], { error: 'Pick a kind of deal.' })
    .and(z.object({ startsOn: day, endsOn: day, includeExclusive: checkbox }))
    .transform((v, ctx) => {
      const { startsAt, endsAt } = window(v, ctx, now)
      const common = { tier: v.tier ?? null, includeExclusive: v.includeExclusive, startsAt, endsAt }
      return v.kind === 'BUY_GET'
        ? { ...common, kind: 'BUY_GET' as const, buyQuantity: v.buyQuantity, freeQuantity: v.freeQuantity, bundleQuantity: null, bundlePriceCents: null }
        : { ...common, kind: 'BUNDLE' as const, buyQuantity: null, freeQuantity: null, bundleQuantity: v.bundleQuantity, bundlePriceCents: v.bundlePrice }
    })
}

export type DealForm = z.output<ReturnType<typeof dealFormSchema>>

const list = (item: z.ZodType) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item))

export function codeFormSchema(now = new Date()) {
  return z
    .object({
      code: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, 'A code is 3 to 32 letters, digits, - or _, like SPRING10.'),
      amountKind: z.enum(['percent', 'amount'], { error: 'Choose percent or a fixed amount.' }),
      percentOff: z.preprocess(blank, count('Percent off: a whole number from 1 to 100.', 1, 100).optional()),
      amountOff: z.preprocess(blank, dollars('Enter the amount off in dollars, like 5 or 4.99.', 1).optional()),
      startsOn: day,
      endsOn: day,
      maxUses: z.preprocess(blank, count('Total uses: a whole number from 1 to 1,000,000.', 1, 1_000_000).optional()),
      oncePerEmail: checkbox,
      minLines: z.preprocess(blank, count('Minimum lines: a whole number from 1 to 100.', 1, 100).optional()),
      minSubtotal: z.preprocess(blank, dollars('Enter the minimum in dollars, like 50.').optional()),
      tiers: list(tierId),
      beatIds: list(z.uuid('Pick beats from the list.')),
      stacksWithDeals: checkbox,
      includeExclusive: checkbox,
    })
    .superRefine((v, ctx) => {
      if (v.amountKind === 'percent' && v.percentOff === undefined)
        ctx.addIssue({ code: 'custom', path: ['percentOff'], message: 'Percent off: a whole number from 1 to 100.' })
      if (v.amountKind === 'amount' && v.amountOff === undefined)
        ctx.addIssue({ code: 'custom', path: ['amountOff'], message: 'Enter the amount off in dollars, like 5 or 4.99.' })
    })
    .transform((v, ctx) => {
      const { startsAt, endsAt } = window(v, ctx, now)
      return {
        code: v.code,
        percentOff: v.amountKind === 'percent' ? v.percentOff! : null,
        amountOffCents: v.amountKind === 'amount' ? v.amountOff! : null,
        startsAt,
        endsAt,
        maxUses: v.maxUses ?? null,
        oncePerEmail: v.oncePerEmail,
        minLines: v.minLines ?? null,
        minSubtotalCents: v.minSubtotal ?? null,
        tiers: v.tiers as string[],
        beatIds: v.beatIds as string[],
        stacksWithDeals: v.stacksWithDeals,
        includeExclusive: v.includeExclusive,
      }
    })
}

export type CodeForm = z.output<ReturnType<typeof codeFormSchema>>
