import { describe, expect, it } from 'vitest'
import { waveformStep } from './waveform-keys'

describe('waveformStep', () => {
  it('moves 5 s per arrow, 30 s per page key, to the ends with Home/End, within the track', () => {
    expect(waveformStep('ArrowRight', 10, 30)).toBe(15)
    expect(waveformStep('ArrowUp', 28, 30)).toBe(30)
    expect(waveformStep('ArrowLeft', 3, 30)).toBe(0)
    expect(waveformStep('ArrowDown', 10, 30)).toBe(5)
    expect(waveformStep('PageUp', 10, 60)).toBe(40)
    expect(waveformStep('PageDown', 10, 60)).toBe(0)
    expect(waveformStep('Home', 17, 30)).toBe(0)
    expect(waveformStep('End', 17, 30)).toBe(30)
  })

  it('ignores other keys (Tab, Space) so they keep their usual meaning', () => {
    expect(waveformStep('Tab', 10, 30)).toBeNull()
    expect(waveformStep(' ', 10, 30)).toBeNull()
  })
})
