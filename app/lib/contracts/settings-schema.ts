import { z } from 'zod'
import type { ContractSettings } from './values'

// The studio's contract settings form. Every field ends up inside sentences of a contract, so
// each is one line of plain words with a sensible length.

const line = (what: string, max: number) =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `${what}: at most ${max} characters.`)
    .refine((v) => !/[{}\n]/.test(v), `${what}: plain words only (no braces or line breaks).`)

const optionalLine = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what}: at most ${max} characters.`)
    .refine((v) => !/[{}\n]/.test(v), `${what}: plain words only (no braces or line breaks).`)
    .optional()
    .transform((v) => (v ? v : null))

export const contractSettingsSchema = z.object({
  legalName: optionalLine('Legal name', 120),
  territory: line('Territory', 120),
  governingLaw: line('Governing law', 160),
  termYears: z.coerce
    .number({ error: 'Term: enter a whole number of years.' })
    .int('Term: enter a whole number of years.')
    .min(1, 'Term: at least 1 year.')
    .max(99, 'Term: at most 99 years.'),
  publishingPercent: z.coerce
    .number({ error: 'Your publishing share: enter a percentage from 0 to 100.' })
    .int('Your publishing share: enter a whole percentage.')
    .min(0, 'Your publishing share: from 0 to 100.')
    .max(100, 'Your publishing share: from 0 to 100.'),
  creditLine: optionalLine('Credit line', 120),
}) satisfies z.ZodType<ContractSettings, unknown>
