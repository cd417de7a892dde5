import type { AccessCheck } from '~/lib/access/order-access.server'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { getStorage } from '~/lib/storage/index.server'
import { LICENSE_TIERS, type DownloadKind } from '~/lib/tiers'
import { getLineForDownload, logAllowedDownloadWithinLimit, logDownload, type LineForDownload } from '~/models/download.server'
import { decideEntitlement, snapshotFiles, type Entitlement } from './entitlement'
import { safeFilename } from './filename'

// Decide, log, and hand out a fresh 10-minute file URL. HEAD asks the same question without
// spending a download or writing anything, so link checkers and previews cost the buyer nothing.

export const FILE_LINK_TTL_MS = 10 * 60 * 1000

export interface DownloadRequest {
  itemId: string
  kind: DownloadKind
  access: AccessCheck
  method: 'GET' | 'HEAD'
  ip: string
  userAgent: string
  now?: Date
}

export type DownloadOutcome =
  | { type: 'redirect'; url: string; remaining: number }
  | { type: 'allowed-head'; remaining: number }
  | { type: 'refused'; entitlement: Extract<Entitlement, { allowed: false }>; beatSlug: string | null }

const EXTENSIONS: Record<DownloadKind, string> = { MP3: 'mp3', WAV: 'wav', STEMS: 'zip' }

/** `Night Drive (Trackout).wav`, without characters that break a Content-Disposition header. */
export function downloadFilename(beatTitle: string, tierLabel: string, kind: DownloadKind): string {
  return `${safeFilename(beatTitle) || 'Beat'} (${tierLabel}).${EXTENSIONS[kind]}`
}

function decide(line: LineForDownload | null, req: DownloadRequest, used: number): Entitlement {
  return decideEntitlement({
    access: req.access,
    line: line && {
      tier: line.tier,
      status: line.status,
      files: snapshotFiles(line.tier, line.termsSnapshot),
      producerName: line.producerName,
      orderEmail: line.orderEmail,
      orderStatus: line.orderStatus,
    },
    kind: req.kind,
    used,
    limit: getEnv().DOWNLOAD_LIMIT,
    fileAvailable: !!line?.storageKey,
  })
}

/** Refusals on a line the requester may see are logged (evidence); strangers write nothing. */
const visibleToRequester = (e: Entitlement) =>
  !e.allowed && e.reason !== 'NO_ACCESS' && e.reason !== 'LINK_EXPIRED' && e.reason !== 'NOT_FOUND'

export async function requestDownload(req: DownloadRequest): Promise<DownloadOutcome> {
  const now = req.now ?? new Date()
  if (!req.access.ok) {
    const e = decide(null, req, 0)
    if (e.allowed) throw new Error('unreachable: no access but allowed')
    return { type: 'refused', entitlement: e, beatSlug: null }
  }
  if (req.method === 'HEAD') {
    const line = await getLineForDownload(req.itemId, req.kind)
    const e = decide(line, req, line?.used ?? 0)
    if (e.allowed) return { type: 'allowed-head', remaining: e.remaining }
    return { type: 'refused', entitlement: e, beatSlug: line?.beatSlug ?? null }
  }
  const entry = { orderItemId: req.itemId, fileKind: req.kind, ip: req.ip, userAgent: req.userAgent }
  return prisma.$transaction(async (tx) => {
    const line = await getLineForDownload(req.itemId, req.kind, tx, { lock: true })
    let e = decide(line, req, line?.used ?? 0)
    // The lock may have waited for another download of this line: the insert re-checks the limit.
    if (e.allowed && line && !(await logAllowedDownloadWithinLimit(tx, entry, getEnv().DOWNLOAD_LIMIT))) {
      e = decide(line, req, getEnv().DOWNLOAD_LIMIT)
    }
    if (!e.allowed || !line) {
      if (visibleToRequester(e)) await logDownload(tx, { ...entry, allowed: false, reason: e.allowed ? null : e.reason })
      if (e.allowed) throw new Error('unreachable: allowed without a line')
      return { type: 'refused', entitlement: e, beatSlug: line?.beatSlug ?? null }
    }
    const url = getStorage().signedDownloadUrl(line.storageKey!, {
      kind: req.kind,
      contentType: line.contentType ?? 'application/octet-stream',
      expiresAt: new Date(now.getTime() + FILE_LINK_TTL_MS),
      filename: downloadFilename(line.beatTitle, LICENSE_TIERS[line.tier].label, req.kind),
    })
    // This download is counted now, so one fewer is left.
    return { type: 'redirect', url, remaining: e.remaining - 1 }
  }, TX_OPTIONS)
}

// Downloads of one line queue behind its row lock; under load they wait for a pooled connection.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 }
