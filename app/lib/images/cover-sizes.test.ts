import { describe, expect, it } from 'vitest'
import { coverSrc, coverSrcSet, coverVersionOf, isCoverWidth } from './cover-sizes'

const id = '5b3c4f4e-6f1a-4c55-9a51-0e8f4c2f9a10'

describe('cover URLs', () => {
  it('put the version and width in the URL, so a new cover is a new URL', () => {
    expect(coverSrc(id, 'abcdef012345', 320)).toBe(`/media/cover/${id}?v=abcdef012345&w=320`)
    expect(coverSrc(id, null)).toBe(`/media/cover/${id}`)
    expect(coverVersionOf('abcdef0123456789')).toBe('abcdef012345')
  })

  it('list every width up to the largest the slot needs', () => {
    expect(coverSrcSet(id, 'abcdef012345', 192)).toBe(`/media/cover/${id}?v=abcdef012345&w=96 96w, /media/cover/${id}?v=abcdef012345&w=192 192w`)
    expect(coverSrcSet(id, 'abcdef012345').split(', ')).toHaveLength(5)
  })

  it('know only their own widths', () => {
    expect(isCoverWidth(320)).toBe(true)
    expect(isCoverWidth(321)).toBe(false)
  })
})
