import { z } from 'zod'
import type { UsageTerms } from '~/lib/tiers'

// Machine-readable terms, beside the prose: what a beat offers (/beats/:slug/terms.json) and what
// one license grants (/licenses/:id/terms.json). The JSON Schema published at
// /license-terms.schema.json is generated from this zod schema (docs/license-terms-schema.md).

const cap = z.int().min(0).nullable().describe('null means unlimited')

const usage = z
  .object({
    distributionCopies: cap,
    streams: cap,
    musicVideos: cap,
    radioBroadcasting: z.boolean(),
  })
  .describe('Usage caps; null means unlimited')

const tier = z.object({ id: z.string().describe('Stable tier id, e.g. BASIC'), label: z.string() })
const beat = z.object({ title: z.string(), url: z.url() })
const producer = z.object({ name: z.string(), url: z.url() })

export const LicenseJson = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('license'),
  id: z.uuid(),
  status: z.enum(['VALID', 'SUPERSEDED', 'REFUNDED', 'DISPUTED']),
  supersededBy: z.uuid().nullable().describe('The license that replaced this one by an upgrade'),
  verifyUrl: z.url(),
  beat,
  producer: z.object({ name: z.string() }),
  tier,
  files: z.array(z.string()),
  usage,
  issuedAt: z.iso.date(),
  contract: z
    .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 (hex) of the UTF-8 contract text frozen at purchase') })
    .nullable()
    .describe('null for licenses bought before contracts were frozen'),
})

export const OfferJson = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('offer'),
  beat,
  producer,
  currency: z.string().regex(/^[a-z]{3}$/),
  tiers: z.array(
    z.object({
      tier,
      priceCents: z.int().min(0),
      files: z.array(z.string()),
      usage,
      contractTemplate: z.string().describe('The contract text with its {{variables}}, as it would be frozen at purchase'),
    }),
  ),
})

const LicenseTermsJson = z.discriminatedUnion('kind', [LicenseJson, OfferJson]).meta({
  $id: 'license-terms.schema.json',
  title: 'Beatstall license terms',
  description: 'What a beat offers (kind "offer") or what one license grants (kind "license").',
})

export type LicenseJson = z.infer<typeof LicenseJson>
export type OfferJson = z.infer<typeof OfferJson>

export function usageJson(terms: UsageTerms): z.infer<typeof usage> {
  return {
    distributionCopies: terms.distributionCopies,
    streams: terms.streams,
    musicVideos: terms.musicVideos,
    radioBroadcasting: terms.radioBroadcasting,
  }
}

export function licenseTermsJsonSchema(): object {
  return z.toJSONSchema(LicenseTermsJson, { target: 'draft-2020-12' })
}
