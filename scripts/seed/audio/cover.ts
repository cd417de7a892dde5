import { PNG } from 'pngjs'
import { createRng } from './prng'

// Generated cover art: a gradient and a motif (sun, rings, waves, blobs or bands) in a palette
// drawn from the beat's seed, so every beat gets its own recognisable square.

const COVER_SIZE = 640

type Rgb = [number, number, number]

function hsl(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))
  return [f(0) * 255, f(8) * 255, f(4) * 255]
}

const mixRgb = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
const smooth = (edge: number, x: number, width = 1.5) => Math.max(0, Math.min(1, 0.5 - x / width + edge / width))

const MOTIFS = ['sun', 'rings', 'waves', 'blobs', 'bands'] as const
export type CoverMotif = (typeof MOTIFS)[number]

export function renderCover(seed: string, opts: { size?: number; motif?: CoverMotif } = {}): Buffer {
  const size = opts.size ?? COVER_SIZE
  const rng = createRng(`cover|${seed}`)
  const hue = rng.range(0, 360)
  const spread = rng.pick([30, 150, 180, 210, 60])
  const bgA = hsl(hue, 0.7, 0.16)
  const bgB = hsl((hue + spread) % 360, 0.75, 0.42)
  const accent = hsl((hue + spread / 2 + 180) % 360, 0.9, 0.62)
  const accent2 = hsl((hue + 40) % 360, 0.85, 0.7)
  const angle = rng.range(0, Math.PI * 2)
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)]
  const motif = opts.motif ?? rng.pick(MOTIFS)
  const cx = size * rng.range(0.35, 0.65)
  const cy = size * rng.range(0.35, 0.6)
  const r0 = size * rng.range(0.2, 0.32)
  const blobs = Array.from({ length: 5 }, () => ({ x: rng.range(0.1, 0.9) * size, y: rng.range(0.1, 0.9) * size, r: rng.range(0.08, 0.2) * size }))
  const freq = rng.range(3, 7)
  const bandCount = rng.int(5, 11)

  const png = new PNG({ width: size, height: size })
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = x / size - 0.5
      const v = y / size - 0.5
      let c = mixRgb(bgA, bgB, Math.max(0, Math.min(1, 0.5 + (u * dx + v * dy) * 1.2)))
      const d = Math.hypot(x - cx, y - cy)
      if (motif === 'sun') {
        // A synthwave sun sliced by horizontal gaps that widen toward the bottom.
        const inside = smooth(r0, d)
        const rel = (y - (cy - r0)) / (2 * r0)
        const gap = rel > 0.45 && Math.sin(rel * 40) > 1.6 - rel * 1.6 ? 0 : 1
        c = mixRgb(c, mixRgb(accent2, accent, Math.max(0, Math.min(1, rel))), inside * gap)
      } else if (motif === 'rings') {
        const ring = Math.abs(((d / (r0 * 0.35)) % 1) - 0.5)
        const fade = Math.max(0, 1 - d / (size * 0.7))
        c = mixRgb(c, accent, smooth(0.12, ring, 0.04) * fade)
        c = mixRgb(c, accent2, smooth(r0 * 0.25, d))
      } else if (motif === 'waves') {
        for (let k = 0; k < 4; k++) {
          const wy = size * (0.3 + k * 0.13) + Math.sin((x / size) * Math.PI * freq + k) * size * 0.05
          c = mixRgb(c, k % 2 ? accent : accent2, smooth(3 + k, Math.abs(y - wy)) * 0.9)
        }
      } else if (motif === 'blobs') {
        let field = 0
        for (const b of blobs) field += (b.r * b.r) / ((x - b.x) ** 2 + (y - b.y) ** 2 + 1)
        c = mixRgb(c, mixRgb(accent, accent2, v + 0.5), smooth(-1, -(field - 1) * 40))
      } else {
        const band = Math.floor(((u + v + 1) / 2) * bandCount)
        if (band % 2 === 0) c = mixRgb(c, band % 4 === 0 ? accent : accent2, 0.55)
      }
      // Vignette; no grain, noise would stop the PNG from compressing.
      const vig = 1 - 0.45 * (u * u + v * v)
      const i = (y * size + x) * 4
      png.data[i] = Math.max(0, Math.min(255, c[0] * vig))
      png.data[i + 1] = Math.max(0, Math.min(255, c[1] * vig))
      png.data[i + 2] = Math.max(0, Math.min(255, c[2] * vig))
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 6 })
}
