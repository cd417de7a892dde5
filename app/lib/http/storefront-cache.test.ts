import { describe, expect, it } from 'vitest'
import { etagMatches, hasCookie, isStorefrontPath, storefrontEtag } from './storefront-cache'

const base = { catalogVersion: 7n, buildVersion: 'b1', config: '{}', url: '/' }

describe('storefront caching rules', () => {
  it('covers the catalog, producer and beat pages and their .data requests, nothing else', () => {
    for (const p of ['/', '/_root.data', '/beats/night-drive', '/beats/night-drive.data', '/producers/nova', '/producers/nova.data']) {
      expect(isStorefrontPath(p), p).toBe(true)
    }
    for (const p of ['/cart', '/checkout', '/orders', '/studio', '/studio/beats/x', '/beats/a/b', '/media/cover/x', '/api/cart', '/beats/']) {
      expect(isStorefrontPath(p), p).toBe(false)
    }
  })

  it('gives a new validator when the catalog, the build, the config or the URL changes', () => {
    const tag = storefrontEtag(base)
    expect(tag).toMatch(/^W\/"c7-[\w-]{16}"$/)
    expect(storefrontEtag({ ...base })).toBe(tag)
    for (const other of [{ catalogVersion: 8n }, { buildVersion: 'b2' }, { config: '{"payments":true}' }, { url: '/_root.data' }, { url: '/?genre=Trap' }]) {
      expect(storefrontEtag({ ...base, ...other }), JSON.stringify(other, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toBe(tag)
    }
  })

  it('matches If-None-Match weakly, in a list, or *', () => {
    const tag = storefrontEtag(base)
    expect(etagMatches(tag, tag)).toBe(true)
    expect(etagMatches(tag.slice(2), tag)).toBe(true)
    expect(etagMatches(`"x", ${tag}`, tag)).toBe(true)
    expect(etagMatches('*', tag)).toBe(true)
    expect(etagMatches('"x"', tag)).toBe(false)
    expect(etagMatches(undefined, tag)).toBe(false)
  })

  it('finds the session cookie by its exact name', () => {
    expect(hasCookie('a=1; __beatstall_studio=xyz', '__beatstall_studio')).toBe(true)
    expect(hasCookie('x__beatstall_studio=1', '__beatstall_studio')).toBe(false)
    expect(hasCookie(undefined, '__beatstall_studio')).toBe(false)
  })
})
