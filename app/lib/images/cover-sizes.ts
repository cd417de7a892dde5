// The widths a cover is resized to, and the URLs the browser picks from with srcset. Shared by the
// server (which makes and serves the variants) and every <img> that shows a cover.

/** Covers are at least 500 px (the upload minimum); 640 serves a 320 px tile on a 2× screen. */
export const COVER_WIDTHS = [96, 192, 320, 480, 640] as const
export type CoverWidth = (typeof COVER_WIDTHS)[number]

/** First 12 hex digits of the stored cover's sha256: a new cover changes every URL. */
export function coverVersionOf(sha256: string): string {
  return sha256.slice(0, 12)
}

export function isCoverWidth(n: number): n is CoverWidth {
  return (COVER_WIDTHS as readonly number[]).includes(n)
}

/** The URL of one width (or the original with no width); without a version the answer is cached briefly. */
export function coverSrc(beatId: string, version: string | null | undefined, width?: CoverWidth): string {
  const params = new URLSearchParams()
  if (version) params.set('v', version)
  if (width) params.set('w', String(width))
  const query = params.toString()
  return `/media/cover/${beatId}${query ? `?${query}` : ''}`
}

/** `srcset` over the widths up to `maxWidth` (a 48 px thumbnail needs no 640 px file). */
export function coverSrcSet(beatId: string, version: string | null | undefined, maxWidth: CoverWidth = 640): string {
  return COVER_WIDTHS.filter((w) => w <= maxWidth)
    .map((w) => `${coverSrc(beatId, version, w)} ${w}w`)
    .join(', ')
}
