// Geometry for the revenue chart: drawn as plain SVG during server rendering, no chart library.

export interface ChartPoint {
  day: string
  cents: number
}

export interface ChartGeometry {
  width: number
  height: number
  bars: { x: number; y: number; w: number; h: number; day: string; cents: number }[]
  gridlines: { y: number; cents: number }[]
  maxCents: number
}

/** Rounds the top of the axis up to a 1/2/5 × 10ⁿ step so gridlines read as round money. */
export function niceMax(cents: number): number {
  if (cents <= 0) return 10_000
  const exp = Math.pow(10, Math.floor(Math.log10(cents)))
  for (const m of [1, 2, 5, 10]) if (m * exp >= cents) return m * exp
  return 10 * exp
}

export function chartGeometry(points: readonly ChartPoint[], width = 720, height = 200): ChartGeometry {
  const maxCents = niceMax(Math.max(0, ...points.map((p) => p.cents)))
  const slot = width / Math.max(1, points.length)
  const gap = Math.min(4, slot * 0.25)
  const bars = points.map((p, i) => {
    const h = Math.round((p.cents / maxCents) * (height - 4))
    return { x: i * slot + gap / 2, y: height - h, w: Math.max(1, slot - gap), h, day: p.day, cents: p.cents }
  })
  const gridlines = [0.25, 0.5, 0.75, 1].map((f) => ({ y: Math.round(height - f * (height - 4)), cents: Math.round(f * maxCents) }))
  return { width, height, bars, gridlines, maxCents }
}
