// Share links and the embeddable player's snippet for a beat: one place that spells the URLs that
// producers paste into other sites (they outlive releases, so they are stable: /beats/:slug and
// /embed/beats/:slug).

const EMBED_HEIGHT = 152

export const beatUrl = (origin: string, slug: string) => `${origin}/beats/${encodeURIComponent(slug)}`
const embedUrl = (origin: string, slug: string) => `${origin}/embed/beats/${encodeURIComponent(slug)}`

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The <iframe> a producer pastes into their own page. */
export function embedSnippet(origin: string, slug: string, title: string): string {
  return `<iframe src="${escapeAttr(embedUrl(origin, slug))}" title="${escapeAttr(`${title} (preview player)`)}" width="100%" height="${EMBED_HEIGHT}" style="border:0;border-radius:12px;max-width:640px" loading="lazy"></iframe>`
}

interface ShareBeat {
  id: string
  slug: string
  title: string
  producerName: string
  description: string
  hasCover: boolean
  hasPreview: boolean
}

type MetaTag = { property: string; content: string } | { name: string; content: string }

/**
 * Open Graph and Twitter card tags for a beat: absolute URLs (crawlers do not resolve relative
 * ones), the preview as og:audio and, when there is one, a Twitter "player" card that plays the
 * embeddable player in the timeline.
 */
export function beatShareMeta(origin: string, beat: ShareBeat): MetaTag[] {
  const title = `${beat.title} by ${beat.producerName}`
  const image = beat.hasCover ? `${origin}/media/cover/${beat.id}` : null
  const tags: MetaTag[] = [
    { property: 'og:site_name', content: 'Beatstall' },
    { property: 'og:title', content: title },
    { property: 'og:description', content: beat.description },
    { property: 'og:type', content: 'music.song' },
    { property: 'og:url', content: beatUrl(origin, beat.slug) },
    { name: 'twitter:title', content: title },
    { name: 'twitter:description', content: beat.description },
  ]
  if (image) tags.push({ property: 'og:image', content: image }, { property: 'og:image:alt', content: `Cover art of ${beat.title}` }, { name: 'twitter:image', content: image })
  if (beat.hasPreview) {
    const audio = `${origin}/media/preview/${beat.id}`
    tags.push(
      { property: 'og:audio', content: audio },
      { property: 'og:audio:type', content: 'audio/mpeg' },
      { name: 'twitter:card', content: 'player' },
      { name: 'twitter:player', content: embedUrl(origin, beat.slug) },
      { name: 'twitter:player:width', content: '480' },
      { name: 'twitter:player:height', content: String(EMBED_HEIGHT) },
    )
  } else {
    tags.push({ name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' })
  }
  return tags
}
