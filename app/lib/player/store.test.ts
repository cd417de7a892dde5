import { beforeEach, describe, expect, it } from 'vitest'
import { formatTime, spokenTime, usePlayer, type Track } from './store'

const track = (n: number): Track => ({
  beatId: `b${n}`,
  slug: `beat-${n}`,
  title: `Beat ${n}`,
  producerName: 'Nova',
  hasCover: true,
  durationMs: 30_000,
})
const list = [track(1), track(2), track(3)]

describe('player queue (no <audio> attached, as on the server)', () => {
  beforeEach(() => usePlayer.setState({ queue: [], index: -1, playing: false, currentTime: 0, duration: 0 }))

  it('plays from the list it was started in and walks it with next/previous', () => {
    usePlayer.getState().playFrom(list[1]!, list)
    expect(usePlayer.getState()).toMatchObject({ index: 1, playing: true, duration: 30 })
    expect(usePlayer.getState().queue).toBe(list)
    usePlayer.getState().next()
    expect(usePlayer.getState().index).toBe(2)
    usePlayer.getState().next() // end of the list: stays
    expect(usePlayer.getState().index).toBe(2)
    usePlayer.getState().previous()
    expect(usePlayer.getState().index).toBe(1)
  })

  it('plays a track that is not in the given list on its own', () => {
    usePlayer.getState().playFrom(track(9), list)
    expect(usePlayer.getState().queue.map((t) => t.beatId)).toEqual(['b9'])
  })
})

describe('time formatting', () => {
  it('shows m:ss and reads out minutes and seconds', () => {
    expect(formatTime(0)).toBe('0:00')
    expect(formatTime(65.9)).toBe('1:05')
    expect(formatTime(Number.NaN)).toBe('0:00')
    expect(spokenTime(65)).toBe('1 minute 5 seconds')
    expect(spokenTime(1)).toBe('1 second')
    expect(spokenTime(120)).toBe('2 minutes 0 seconds')
  })
})
