import { z } from 'zod'
import { TIER_IDS, type TierId, type UsageTerms } from '~/lib/tiers'

// The producer's default usage caps per tier. A blank cap means unlimited.

const MAX_CAP = 1_000_000_000

const cap = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx) => {
      const cleaned = (raw ?? '').replace(/[,_\s]/g, '')
      if (cleaned === '') return null
      if (!/^\d{1,10}$/.test(cleaned) || Number(cleaned) > MAX_CAP) {
        ctx.addIssue({ code: 'custom', message: `${what}: enter a whole number up to 1,000,000,000, or leave blank for unlimited.` })
        return z.NEVER
      }
      return Number(cleaned)
    })

const shape = Object.fromEntries(
  TIER_IDS.flatMap((t) => [
    [`${t}.distributionCopies`, cap('Distribution copies')],
    [`${t}.streams`, cap('Streams')],
    [`${t}.musicVideos`, cap('Music videos')],
    [`${t}.radioBroadcasting`, z.string().optional().transform((v) => v === 'on' || v === 'true')],
  ]),
) as Record<string, z.ZodType>

export const termsFormSchema = z.object(shape).transform((v): Record<TierId, UsageTerms> => {
  const values = v as Record<string, unknown>
  return Object.fromEntries(
    TIER_IDS.map((t) => [
      t,
      {
        distributionCopies: values[`${t}.distributionCopies`] as number | null,
        streams: values[`${t}.streams`] as number | null,
        musicVideos: values[`${t}.musicVideos`] as number | null,
        radioBroadcasting: values[`${t}.radioBroadcasting`] as boolean,
      },
    ]),
  ) as Record<TierId, UsageTerms>
})
