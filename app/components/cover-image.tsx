import { coverSrc, coverSrcSet, type CoverWidth } from '~/lib/images/cover-sizes'

interface Props {
  beatId: string
  /** The stored cover's version (coverVersionOf); without it the URLs are cached only briefly. */
  version: string | null | undefined
  /** How wide the image is drawn, as for the `sizes` attribute, e.g. `(max-width: 419px) 160px, 270px`. */
  sizes: string
  /** The largest width the slot can ever need on a 2× screen. */
  maxWidth?: CoverWidth
  eager?: boolean
  className?: string
  alt?: string
  /** Hide the image if it fails (a beat removed since it was put in the cart); the tile's colour stays. */
  hideOnError?: boolean
}

/** Every cover on the site: the browser picks the smallest resized file that fills the slot. */
export function CoverImage({ beatId, version, sizes, maxWidth = 640, eager = false, className, alt = '', hideOnError = false }: Props) {
  const fallback = Math.min(320, maxWidth) as CoverWidth
  return (
    <img
      src={coverSrc(beatId, version, fallback)}
      srcSet={coverSrcSet(beatId, version, maxWidth)}
      sizes={sizes}
      alt={alt}
      loading={eager ? 'eager' : 'lazy'}
      fetchPriority={eager ? 'high' : undefined}
      decoding="async"
      className={className}
      onError={hideOnError ? (e) => (e.currentTarget.style.display = 'none') : undefined}
    />
  )
}
