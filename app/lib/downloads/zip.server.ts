import { Readable } from 'node:stream'
import yazl from 'yazl'
import type { AccessCheck } from '~/lib/access/order-access.server'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { logger } from '~/lib/logger.server'
import { DOWNLOAD_KINDS, LICENSE_TIERS, type DownloadKind } from '~/lib/tiers'
import { countCountedDownloads, lockOrderItem, logDownload } from '~/models/download.server'
import { findOrderLineIds, getLineWithFiles } from '~/models/order/lines.server'
import { decideEntitlement, snapshotFiles } from './entitlement'
import { FILE_LINK_TTL_MS, downloadFilename } from './download.server'
import { safeFilename } from './filename'
import { openStoredFile } from './stored-file.server'
import { licensePdf, licensePdfName } from '~/lib/pdf/license-file.server'

// "Download everything" for one order: every file the entitlement gate allows right now, each
// logged and counted like a single download, streamed as a zip (stored, not recompressed: audio
// and zips do not shrink) so memory stays flat whatever the order's size.

interface FileEntry {
  name: string
  key: string
  kind: DownloadKind
  contentType: string
}

/** A line's license PDF, rendered while the zip streams. */
interface LicenseEntry {
  name: string
  licenseId: string
}

type ZipEntry = FileEntry | LicenseEntry

export type ZipOutcome =
  | { type: 'refused'; status: number; message: string }
  | { type: 'zip'; filename: string; entries: ZipEntry[] }

export async function prepareOrderZip(req: { orderId: string; access: AccessCheck; ip: string; userAgent: string }): Promise<ZipOutcome> {
  if (!req.access.ok) {
    return req.access.reason === 'expired'
      ? { type: 'refused', status: 410, message: 'Your order link has expired. Ask for a fresh one on the order page.' }
      : { type: 'refused', status: 401, message: 'Open your orders through the link we email you (ask for one on the order page).' }
  }
  const access = req.access
  const order = await findOrderLineIds(req.orderId)
  if (!order || order.email?.toLowerCase() !== access.email) {
    return { type: 'refused', status: 404, message: 'We could not find that order among the orders of your email address.' }
  }
  const entries = await prisma.$transaction(
    async (tx) => {
      const out: ZipEntry[] = []
      const licenses: LicenseEntry[] = []
      for (const [position, { id }] of order.items.entries()) {
        await lockOrderItem(tx, id)
        const line = await getLineWithFiles(id, tx)
        const filesBefore = out.length
        for (const kind of DOWNLOAD_KINDS) {
          const file = line.beat.files.find((f) => f.kind === kind)
          const e = decideEntitlement({
            access,
            line: {
              tier: line.tier,
              status: line.status,
              files: snapshotFiles(line.tier, line.termsSnapshot),
              producerName: line.producerName,
              orderEmail: order.email,
              orderStatus: order.status,
            },
            kind,
            used: await countCountedDownloads(tx, line, kind),
            limit: getEnv().DOWNLOAD_LIMIT,
            fileAvailable: !!file,
          })
          if (!e.allowed || !file) continue
          await logDownload(tx, { orderItemId: line.id, fileKind: kind, allowed: true, ip: req.ip, userAgent: req.userAgent })
          out.push({
            name: `${String(out.length + 1).padStart(2, '0')} ${downloadFilename(line.beatTitle, LICENSE_TIERS[line.tier].label, kind)}`,
            key: file.storageKey,
            kind,
            contentType: file.contentType,
          })
        }
        // Each line that delivers files brings its license, so the zip is the whole purchase.
        if (out.length > filesBefore) licenses.push({
            name: `Licenses/${String(position + 1).padStart(2, '0')} ${licensePdfName(line.beatTitle, LICENSE_TIERS[line.tier].label)}`,
            licenseId: line.id,
          })
      }
      return [...out, ...licenses]
    },
    { maxWait: 15_000, timeout: 30_000 },
  )
  if (!entries.length) {
    return { type: 'refused', status: 403, message: 'Nothing in this order can be downloaded right now. The order page says why for each file.' }
  }
  return { type: 'zip', filename: safeFilename(`Beatstall order ${order.number}.zip`), entries }
}

/** Streams the zip; a file that fails mid-way aborts the stream (the browser shows a failed download). */
export function streamZip(entries: ZipEntry[]): Readable {
  const zip = new yazl.ZipFile()
  for (const entry of entries) {
    if ('licenseId' in entry) {
      zip.addReadStreamLazy(entry.name, { compress: false }, (cb) => {
        licensePdf(entry.licenseId).then(
          (pdf) => cb(null, Readable.from([pdf])),
          (error: unknown) => {
            logger.error({ err: error instanceof Error ? error.message : String(error), licenseId: entry.licenseId }, 'zip license PDF failed')
            cb(error, undefined as never)
          },
        )
      })
      continue
    }
    zip.addReadStreamLazy(entry.name, { compress: false }, (cb) => {
      openStoredFile(entry.key, {
        kind: entry.kind,
        contentType: entry.contentType,
        expiresAt: new Date(Date.now() + FILE_LINK_TTL_MS),
      }).then(
        (stream) => cb(null, stream),
        (error: unknown) => {
          logger.error({ err: error instanceof Error ? error.message : String(error), key: entry.key }, 'zip entry failed')
          cb(error, undefined as never)
        },
      )
    })
  }
  zip.end()
  return zip.outputStream as Readable
}
