import { describe, expect, it } from 'vitest'
import { contentDisposition } from './disposition'
import { isValidKey } from './keys'
import { parseRange } from './range'

describe('parseRange', () => {
  it('reads single ranges of every form', () => {
    expect(parseRange(null, 100)).toEqual({ type: 'none' })
    expect(parseRange('bytes=0-9', 100)).toEqual({ type: 'range', start: 0, end: 9 })
    expect(parseRange('bytes=90-', 100)).toEqual({ type: 'range', start: 90, end: 99 })
    expect(parseRange('bytes=-10', 100)).toEqual({ type: 'range', start: 90, end: 99 })
    expect(parseRange('bytes=-500', 100)).toEqual({ type: 'range', start: 0, end: 99 })
    expect(parseRange('bytes=50-5000', 100)).toEqual({ type: 'range', start: 50, end: 99 })
  })

  it('tells malformed, unsatisfiable and multiple ranges apart', () => {
    for (const bad of ['bytes=', 'bytes=abc', 'bytes=5-1', 'items=0-1', 'bytes=-', '0-10', 'bytes=1-2-3'])
      expect(parseRange(bad, 100), bad).toEqual({ type: 'malformed' })
    expect(parseRange('bytes=100-', 100)).toEqual({ type: 'unsatisfiable' })
    expect(parseRange('bytes=-0', 100)).toEqual({ type: 'unsatisfiable' })
    expect(parseRange('bytes=0-', 0)).toEqual({ type: 'unsatisfiable' })
    expect(parseRange('bytes=0-1, 5-6', 100)).toEqual({ type: 'multiple' })
  })
})

describe('contentDisposition', () => {
  it('gives an ASCII filename and an RFC 5987 UTF-8 one', () => {
    expect(contentDisposition('Night Drive (Trackout).wav')).toBe(
      `attachment; filename="Night Drive (Trackout).wav"; filename*=UTF-8''Night%20Drive%20%28Trackout%29.wav`,
    )
    expect(contentDisposition('Café "Noir".mp3')).toBe(`attachment; filename="Cafe Noir.mp3"; filename*=UTF-8''Caf%C3%A9%20%22Noir%22.mp3`)
    expect(contentDisposition('a/b\r\nc.zip')).toContain('filename="a b c.zip"')
  })
})

describe('storage keys', () => {
  it('accepts app-built keys and refuses anything that could escape the root', () => {
    expect(isValidKey('beats/0b6e6c1e-2a8f-4a55-9d8e-6f1f7c0c9a11/preview.mp3')).toBe(true)
    for (const bad of ['', '../etc/passwd', 'beats/../../x', '/abs/path', 'beats//x', '.hidden', 'beats/x/..', 'a\\b', 'a/b%2f..', 'beats/x y.mp3'])
      expect(isValidKey(bad), bad).toBe(false)
  })
})
