import { createHash } from 'node:crypto'
import { readFile, rename, rm } from 'node:fs/promises'
import sharp, { type Metadata } from 'sharp'
import { UploadRejected, type Sniffed } from './file-inspect.server'

// A cover is shown to every visitor, so only its pixels are kept: the upload is decoded and
// encoded again in its own format (PNG stays PNG, JPEG stays JPEG, WebP stays WebP), which drops
// anything appended or hidden in it (HTML, scripts, EXIF with the producer's location) and
// refuses anything that does not decode. Too small a cover looks broken on the beat page.

const COVER_MIN_PX = 500
/** 8000 × 8000; a decompression bomb (a tiny PNG declaring 100k × 100k) fails before decoding. */
const MAX_INPUT_PIXELS = 64_000_000
// sharp's operation cache would keep staged files (deleted right after) open and in memory.
sharp.cache(false)

interface CleanCover {
  bytes: number
  sha256: string
  width: number
  height: number
}

/** Re-encodes the cover at `path` in place; throws UploadRejected for a small or broken image. */
export async function keepOnlyCoverPixels(path: string, sniffed: Sniffed): Promise<CleanCover> {
  const image = sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false })
  let meta: Metadata
  try {
    meta = await image.metadata()
  } catch {
    throw new UploadRejected('This image could not be read. Export it again as PNG, JPEG or WebP and retry.', 'unreadable')
  }
  // EXIF orientation 5–8 swaps the sides the visitor sees.
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height]
  if (!width || !height || width < COVER_MIN_PX || height < COVER_MIN_PX) {
    throw new UploadRejected(
      `This cover is ${width ?? 0}×${height ?? 0} pixels; a cover must be at least ${COVER_MIN_PX}×${COVER_MIN_PX}.`,
      'unreadable',
    )
  }
  const clean = `${path}.clean`
  try {
    // rotate() applies the EXIF orientation, since the metadata that carried it is dropped.
    const pipeline = image.rotate()
    const encoded =
      sniffed.contentType === 'image/jpeg'
        ? pipeline.jpeg({ quality: 90, mozjpeg: true })
        : sniffed.contentType === 'image/webp'
          ? pipeline.webp({ quality: 90 })
          : pipeline.png({ compressionLevel: 9 })
    await encoded.toFile(clean)
  } catch {
    await rm(clean, { force: true })
    throw new UploadRejected('This image could not be read. Export it again as PNG, JPEG or WebP and retry.', 'unreadable')
  }
  await rename(clean, path)
  const bytes = await readFile(path)
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), width, height }
}
