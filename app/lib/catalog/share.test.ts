import { describe, expect, it } from 'vitest'
import { beatShareMeta, embedSnippet } from './share'

const origin = 'https://beats.example'
const beat = { id: 'b1', slug: 'night-drive', title: 'Night "Drive"', producerName: 'Nova', description: 'Dark trap.', hasCover: true, hasPreview: true }
const content = (tags: ReturnType<typeof beatShareMeta>, key: string) =>
  tags.find((t) => ('property' in t ? t.property : t.name) === key)?.content

describe('beatShareMeta', () => {
  it('gives absolute Open Graph URLs and a Twitter player card pointing at the embed page', () => {
    const tags = beatShareMeta(origin, beat)
    expect(content(tags, 'og:title')).toBe('Night "Drive" by Nova')
    expect(content(tags, 'og:url')).toBe('https://beats.example/beats/night-drive')
    expect(content(tags, 'og:image')).toBe('https://beats.example/media/cover/b1')
    expect(content(tags, 'og:audio')).toBe('https://beats.example/media/preview/b1')
    expect(content(tags, 'twitter:card')).toBe('player')
    expect(content(tags, 'twitter:player')).toBe('https://beats.example/embed/beats/night-drive')
    expect(content(tags, 'twitter:player:height')).toBe('152')
  })

  it('falls back to an image or plain summary card without a preview', () => {
    expect(content(beatShareMeta(origin, { ...beat, hasPreview: false }), 'twitter:card')).toBe('summary_large_image')
    const bare = beatShareMeta(origin, { ...beat, hasPreview: false, hasCover: false })
    expect(content(bare, 'twitter:card')).toBe('summary')
    expect(content(bare, 'og:image')).toBeUndefined()
    expect(content(bare, 'og:audio')).toBeUndefined()
  })
})

describe('embedSnippet', () => {
  it('is an iframe of the embed page with the title escaped', () => {
    const html = embedSnippet(origin, 'night-drive', beat.title)
    expect(html).toMatch(/^<iframe src="https:\/\/beats\.example\/embed\/beats\/night-drive" /)
    expect(html).toContain('title="Night &quot;Drive&quot; (preview player)"')
    expect(html).toContain('height="152"')
  })
})
