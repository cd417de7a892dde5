import { formatMoney } from '~/lib/money'
import { DOWNLOAD_KIND_LABELS, type LicenseTermsSnapshot } from '~/lib/tiers'
import { PAYMENT_VARIABLE_NAMES, SAMPLE_VALUES, type ContractValues, type PaymentValueName } from './variables'

// Where each variable's value comes from. Checkout freezes everything it knows; the payment adds
// the order's number, the buyer and the date (see docs/decisions/0011-frozen-contracts.md).

/** A producer's contract settings: the facts their templates refer to. */
export interface ContractSettings {
  /** Null: the store name is used until they give one. */
  legalName: string | null
  territory: string
  governingLaw: string
  termYears: number
  /** The producer's share of the writer's share and publishing, 0–100. */
  publishingPercent: number
  /** Null: "prod. by <store name>". */
  creditLine: string | null
}

export const DEFAULT_CONTRACT_SETTINGS: ContractSettings = {
  legalName: null,
  territory: 'worldwide',
  governingLaw: "the Producer's country of residence",
  termYears: 10,
  publishingPercent: 50,
  creditLine: null,
}

export type CheckoutValues = Omit<ContractValues, PaymentValueName>
export type PaymentValues = Pick<ContractValues, PaymentValueName>

export function capText(value: number | null): string {
  return value === null ? 'unlimited' : value.toLocaleString('en-US')
}

function publishingSplit(producerPercent: number): string {
  if (producerPercent >= 100) return '100% to the Producer'
  if (producerPercent <= 0) return '100% to the Licensee'
  return `${producerPercent}% to the Producer and ${100 - producerPercent}% to the Licensee`
}

export function checkoutValues(input: {
  beatTitle: string
  producerName: string
  snapshot: LicenseTermsSnapshot
  priceCents: number
  currency: string
  settings: ContractSettings
  storeName?: string
}): CheckoutValues {
  const { settings, snapshot } = input
  return {
    beat_title: input.beatTitle,
    producer_name: input.producerName,
    producer_legal_name: settings.legalName?.trim() || input.producerName,
    tier: snapshot.label,
    files: snapshot.files.map((f) => DOWNLOAD_KIND_LABELS[f]).join(', '),
    distribution_copies: capText(snapshot.terms.distributionCopies),
    streams: capText(snapshot.terms.streams),
    music_videos: capText(snapshot.terms.musicVideos),
    radio: snapshot.terms.radioBroadcasting ? 'allowed' : 'not allowed',
    price_paid: formatMoney(input.priceCents, input.currency),
    term_years: String(settings.termYears),
    territory: settings.territory,
    credit_line: settings.creditLine?.trim() || `prod. by ${input.producerName}`,
    publishing_split: publishingSplit(settings.publishingPercent),
    producer_publishing_share: `${settings.publishingPercent}%`,
    governing_law: settings.governingLaw,
    store_name: input.storeName ?? 'Beatstall',
  }
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** Adds whole years in UTC; 29 February lands on 1 March in a year without it (JavaScript's rule). */
function addYears(d: Date, years: number): Date {
  const out = new Date(d)
  out.setUTCFullYear(out.getUTCFullYear() + years)
  return out
}

export function paymentValues(input: {
  licenseId: string
  orderNumber: number
  paidAt: Date
  buyerName: string | null
  termYears: string
  appUrl: string
}): PaymentValues {
  const years = Number.parseInt(input.termYears, 10)
  return {
    license_id: input.licenseId,
    order_number: String(input.orderNumber),
    order_date: isoDate(input.paidAt),
    expiry_date: isoDate(addYears(input.paidAt, Number.isFinite(years) ? years : 0)),
    // Never the email: the verification page and the public terms show the licensee's name.
    buyer_name: input.buyerName?.trim() || `the buyer of order #${input.orderNumber}`,
    verify_url: `${input.appUrl}/licenses/${input.licenseId}`,
  }
}

/** The preview's values: what checkout would freeze for this producer, plus example payment values. */
export function previewValues(input: Parameters<typeof checkoutValues>[0]): ContractValues {
  const payment = Object.fromEntries(PAYMENT_VARIABLE_NAMES.map((n) => [n, SAMPLE_VALUES[n]])) as PaymentValues
  return { ...checkoutValues(input), ...payment }
}
