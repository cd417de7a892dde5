import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { getLocalStorage, getStorage } from '~/lib/storage/index.server'
import { logger } from '~/lib/logger.server'
import { COVER_WIDTHS, type CoverWidth } from './cover-sizes'

// Resized covers on local disk, beside the original: beats/<id>/cover-<version>-<width>.webp.
// Made once when the cover is stored (upload, seed); a cover stored before variants existed gets
// each width made on its first request instead. WebP only: every browser the store supports shows
// it, one URL per width needs no Accept negotiation (no `Vary`, one CDN entry), and AVIF took twice
// as long to encode for files that were no smaller at tile sizes (decision 0013).
// With Cloudinary, its own URL transformations resize instead and nothing is written here.

// effort 2: 94 ms of CPU for the five widths of a 640 px cover, against 160 ms at 4, for files 6% larger.
const WEBP = { quality: 75, effort: 2 } as const
const MAX_INPUT_PIXELS = 64_000_000
sharp.cache(false)

export function coverVariantKey(beatId: string, version: string, width: CoverWidth): string {
  return `beats/${beatId}/cover-${version}-${width}.webp`
}

function localStorage() {
  return getStorage().driver === 'local' ? getLocalStorage() : null
}

async function encode(source: Buffer | string, width: CoverWidth): Promise<Buffer> {
  return sharp(source, { limitInputPixels: MAX_INPUT_PIXELS })
    .resize({ width, withoutEnlargement: true })
    .webp(WEBP)
    .toBuffer()
}

/** Writes every width of a newly stored cover and removes the widths of earlier covers. */
export async function writeCoverVariants(beatId: string, source: Buffer | string, version: string): Promise<void> {
  const storage = localStorage()
  if (!storage) return
  await Promise.all(
    COVER_WIDTHS.map(async (width) => {
      const bytes = await encode(source, width)
      await storage.put(coverVariantKey(beatId, version, width), bytes, { kind: 'COVER', contentType: 'image/webp' })
    }),
  )
  await removeOtherVersions(beatId, version)
}

/** Best effort after an upload: a failure here only means the widths are made on first request. */
export async function writeCoverVariantsOrLog(beatId: string, source: Buffer | string, version: string): Promise<void> {
  await writeCoverVariants(beatId, source, version).catch((error: unknown) => logger.warn({ err: error, beatId }, 'cover variants not written'))
}

async function removeOtherVersions(beatId: string, version: string): Promise<void> {
  const storage = localStorage()
  if (!storage) return
  const dir = path.dirname(storage.pathFor(`beats/${beatId}/cover.png`))
  const names = await readdir(dir).catch(() => [] as string[])
  const stale = names.filter((n) => /^cover-[0-9a-f]{12}-\d+\.webp$/.test(n) && !n.startsWith(`cover-${version}-`))
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })))
}

const inFlight = new Map<string, Promise<void>>()

/**
 * The storage key of one width of the beat's current cover, made now from the original if it is
 * missing (concurrent requests for the same width share one encode).
 */
export async function ensureCoverVariant(beatId: string, original: { storageKey: string; version: string }, width: CoverWidth): Promise<string> {
  const storage = localStorage()
  if (!storage) throw new Error('Cover variants are made on local storage only')
  const key = coverVariantKey(beatId, original.version, width)
  if (await storage.exists(key)) return key
  let pending = inFlight.get(key)
  if (!pending) {
    pending = (async () => {
      const bytes = await encode(storage.pathFor(original.storageKey), width)
      await storage.put(key, bytes, { kind: 'COVER', contentType: 'image/webp' })
    })().finally(() => inFlight.delete(key))
    inFlight.set(key, pending)
  }
  await pending
  return key
}
