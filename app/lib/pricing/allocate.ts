// Splits a whole number of cents across lines in proportion to their weights, so the parts add up
// exactly (largest-remainder rounding). Each line first gets the floor of its share; the cents
// left over go one each to the largest remainders, ties to the smaller key. BigInt because
// amount × weight can pass 2^53 for large carts.

export interface Weighted {
  key: string
  weight: number
}

/** Parts in the order of `lines`; never more than a line's weight when `amount` ≤ the total weight. */
export function allocate(amount: number, lines: readonly Weighted[]): number[] {
  const total = lines.reduce((s, l) => s + l.weight, 0)
  if (amount <= 0 || total <= 0) return lines.map(() => 0)
  const a = BigInt(amount)
  const t = BigInt(total)
  const parts = lines.map((l) => Number((a * BigInt(l.weight)) / t))
  const remainders = lines.map((l, i) => ({ i, key: l.key, rem: (a * BigInt(l.weight)) % t }))
  let left = amount - parts.reduce((s, p) => s + p, 0)
  remainders.sort((x, y) => (x.rem === y.rem ? compareKeys(x.key, y.key) : x.rem > y.rem ? -1 : 1))
  for (const r of remainders) {
    if (left <= 0) break
    parts[r.i]! += 1
    left -= 1
  }
  return parts
}

/** Plain code-unit order: the same everywhere (no locale). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A cart or order position as a line key that sorts like the position ("007" before "010"). */
export function lineKey(position: number): string {
  return String(position).padStart(4, '0')
}
