// An SVG stand-in cover for beats without one: a gradient in colours derived from the beat id and
// a vinyl-record mark, so a missing cover never looks like a broken image.

/** FNV-1a: a stable 32-bit number from the seed, so a beat keeps its colours. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function placeholderCoverSvg(seed: string): string {
  const h = hashSeed(seed)
  const hue = h % 360
  const hue2 = (hue + 60 + ((h >>> 9) % 120)) % 360
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="640" viewBox="0 0 640 640" role="img" aria-label="No cover art">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 65% 22%)"/><stop offset="1" stop-color="hsl(${hue2} 70% 45%)"/></linearGradient></defs>
<rect width="640" height="640" fill="url(#g)"/>
<circle cx="320" cy="320" r="150" fill="none" stroke="rgba(255,255,255,0.35)" stroke-width="6"/>
<circle cx="320" cy="320" r="110" fill="none" stroke="rgba(255,255,255,0.2)" stroke-width="3"/>
<circle cx="320" cy="320" r="36" fill="rgba(255,255,255,0.45)"/>
<circle cx="320" cy="320" r="8" fill="hsl(${hue} 65% 22%)"/>
</svg>`
}
