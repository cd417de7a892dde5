// Waveform peaks: the loudest sample of each slice of a track, as ~200 levels 0–255 (what a
// waveform bar needs, 200 bytes of data). Audio arrives in chunks, so the collector keeps one
// level per small block (not the samples) and folds the blocks into the final slices at the end.

export const PEAK_COUNT = 200
const BLOCK_FRAMES = 256

export interface PeakCollector {
  /** One chunk of decoded audio: a Float32Array per channel (-1…1), all the same length. */
  push(channels: readonly Float32Array[]): void
  /** The levels, `count` of them (fewer when the audio has fewer blocks); [] for no audio. */
  finish(count?: number): number[]
}

export function createPeakCollector(blockFrames = BLOCK_FRAMES): PeakCollector {
  const blocks: number[] = []
  let current = 0
  let filled = 0
  return {
    push(channels) {
      const frames = channels[0]?.length ?? 0
      // Block by block, channel by channel: a tight loop over one array (this runs per sample).
      for (let at = 0; at < frames; ) {
        const take = Math.min(blockFrames - filled, frames - at)
        for (const channel of channels) {
          for (let i = at; i < at + take; i++) {
            const v = channel[i] as number
            if (v > current) current = v
            else if (-v > current) current = -v
          }
        }
        at += take
        filled += take
        if (filled === blockFrames) {
          blocks.push(current)
          current = 0
          filled = 0
        }
      }
    },
    finish(count = PEAK_COUNT) {
      const all = filled > 0 ? [...blocks, current] : blocks
      const n = all.length
      if (n === 0) return []
      const out = Math.min(count, n)
      const levels: number[] = []
      for (let i = 0; i < out; i++) {
        const from = Math.floor((i * n) / out)
        const to = Math.max(from + 1, Math.floor(((i + 1) * n) / out))
        let peak = 0
        for (let b = from; b < to; b++) peak = Math.max(peak, all[b] as number)
        levels.push(toLevel(peak))
      }
      return levels
    },
  }
}

/** 0…1 (clipped above) to 0…255. */
function toLevel(peak: number): number {
  return Math.round(Math.min(1, peak) * 255)
}

/** Peaks of whole signals held in memory (the seed's renders, tests). */
export function computePeaks(channels: readonly Float32Array[], count = PEAK_COUNT): number[] {
  const collector = createPeakCollector()
  collector.push(channels)
  return collector.finish(count)
}
