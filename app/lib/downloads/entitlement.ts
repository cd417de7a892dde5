import type { OrderItemStatus, OrderStatus } from '~/generated/prisma/enums'
import type { AccessCheck } from '~/lib/access/order-access.server'
import {
  cheapestTierIncluding,
  DOWNLOAD_KIND_LABELS,
  DOWNLOAD_KINDS,
  LICENSE_TIERS,
  type DownloadKind,
  type TierId,
} from '~/lib/tiers'

// The one answer to "may this order line download this file now, and if not, why". Pure: the
// download routes, the order page and the success page feed it what they loaded and show its
// verdict. Checks run from "who are you" to "how many are left", so a stranger learns nothing.

export type RefusalReason =
  | 'NO_ACCESS'
  | 'LINK_EXPIRED'
  | 'NOT_FOUND'
  | 'NOT_PAID'
  | 'REFUNDED'
  | 'DISPUTED'
  | 'NOT_INCLUDED'
  | 'LIMIT_REACHED'
  | 'FILE_MISSING'

const REFUSAL_STATUS: Record<RefusalReason, number> = {
  NO_ACCESS: 401,
  LINK_EXPIRED: 410,
  NOT_FOUND: 404,
  NOT_PAID: 403,
  REFUNDED: 410,
  DISPUTED: 423,
  NOT_INCLUDED: 403,
  LIMIT_REACHED: 429,
  FILE_MISSING: 404,
}

export interface EntitlementInput {
  access: AccessCheck
  line: {
    tier: TierId
    status: OrderItemStatus
    /** Files frozen into the line at purchase (termsSnapshot.files). */
    files: readonly DownloadKind[]
    producerName: string
    orderEmail: string | null
    orderStatus: OrderStatus
  } | null
  kind: DownloadKind
  /** Counted downloads of this kind on this line (see app/models/download.server.ts). */
  used: number
  limit: number
  /** Whether the producer has uploaded this file. */
  fileAvailable: boolean
}

export type Entitlement =
  | { allowed: true; remaining: number }
  | {
      allowed: false
      reason: RefusalReason
      status: number
      title: string
      message: string
      /** For NOT_INCLUDED: the cheapest tier that has the file. */
      upgradeTier?: TierId
      /** For an expired link: the address a fresh link can be sent to. */
      email?: string
      remaining: number
    }

function refuse(
  reason: RefusalReason,
  title: string,
  message: string,
  extra: { upgradeTier?: TierId; email?: string; remaining?: number } = {},
): Entitlement {
  return { allowed: false, reason, status: REFUSAL_STATUS[reason], title, message, remaining: 0, ...extra }
}

export function decideEntitlement(input: EntitlementInput): Entitlement {
  const { access, line, kind, used, limit } = input
  const file = DOWNLOAD_KIND_LABELS[kind]
  if (!access.ok) {
    if (access.reason === 'expired') {
      return refuse('LINK_EXPIRED', 'This link has expired', 'Download links from the order page last 30 minutes. We can email you a fresh one.', {
        email: access.email,
      })
    }
    return refuse(
      'NO_ACCESS',
      'We could not open this download',
      access.reason === 'missing'
        ? 'Downloads open from your order page. Ask for a link to it with the email address you paid with.'
        : 'This link is not valid. Ask for a fresh order link with the email address you paid with.',
    )
  }
  // Another buyer's line looks exactly like one that does not exist.
  if (!line || !line.orderEmail || line.orderEmail.toLowerCase() !== access.email) {
    return refuse('NOT_FOUND', 'Download not found', 'We could not find that download among the orders of your email address.')
  }
  const remaining = Math.max(0, limit - used)
  if (line.status === 'REFUNDED' || line.orderStatus === 'REFUNDED') {
    return refuse('REFUNDED', 'Refunded', `This ${LICENSE_TIERS[line.tier].label} license was refunded, so its files are no longer available.`)
  }
  if (line.orderStatus === 'DISPUTED') {
    return refuse('DISPUTED', 'Suspended while a dispute is open', 'Downloads for this order are paused while a payment dispute is open. They come back if the dispute is resolved in your favour.')
  }
  if (line.orderStatus !== 'PAID') {
    return refuse('NOT_PAID', 'Payment not confirmed', 'This order has not been paid, so there is nothing to download yet.')
  }
  if (!line.files.includes(kind)) {
    const upgradeTier = cheapestTierIncluding(kind)
    const covered = line.files.map((k) => DOWNLOAD_KIND_LABELS[k]).join(', ')
    return refuse(
      'NOT_INCLUDED',
      'Not included in your license',
      `Your ${LICENSE_TIERS[line.tier].label} license covers the ${covered}; ${kind === 'STEMS' ? 'stems come' : `the ${file} comes`} with ${LICENSE_TIERS[upgradeTier].label}.`,
      { upgradeTier },
    )
  }
  if (used >= limit) {
    return refuse(
      'LIMIT_REACHED',
      'Download limit reached',
      `This file has been downloaded ${limit} times, the limit per file (${limit} per file). Contact ${line.producerName} to reset it.`,
    )
  }
  if (!input.fileAvailable) {
    return refuse('FILE_MISSING', 'File not available yet', `${line.producerName} has not uploaded the ${file} for this beat yet. Contact them.`, { remaining })
  }
  return { allowed: true, remaining }
}

/** The files a frozen snapshot lists, falling back to the tier constant for a malformed one. */
export function snapshotFiles(tier: TierId, termsSnapshot: unknown): DownloadKind[] {
  const files = (termsSnapshot as { files?: unknown } | null)?.files
  if (Array.isArray(files)) {
    const valid = files.filter((f): f is DownloadKind => (DOWNLOAD_KINDS as readonly string[]).includes(f as string))
    if (valid.length) return valid
  }
  return [...LICENSE_TIERS[tier].files]
}
