// Finding a known signal inside audio: the normalised cross-correlation of `needle` with `haystack`
// starting at `at` (1 = the same shape, ~0 = unrelated), and its best value within ±`slack` samples
// (an MP3 round trip shifts audio by the encoder and decoder delays, about a thousand samples).

function ncc(haystack: Float32Array, needle: Float32Array, at: number): number {
  let dot = 0
  let hh = 0
  let nn = 0
  for (let i = 0; i < needle.length; i++) {
    const h = haystack[at + i] ?? 0
    const n = needle[i] as number
    dot += h * n
    hh += h * h
    nn += n * n
  }
  return hh === 0 || nn === 0 ? 0 : dot / Math.sqrt(hh * nn)
}

export function bestNcc(haystack: Float32Array, needle: Float32Array, at: number, slack = 1600, step = 1): number {
  let best = 0
  for (let lag = Math.max(0, at - slack); lag <= at + slack; lag += step) best = Math.max(best, ncc(haystack, needle, lag))
  return best
}
