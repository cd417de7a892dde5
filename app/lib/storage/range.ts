// HTTP Range (RFC 9110 §14) for one byte range; anything else is reported, not guessed at.

export type RangeResult =
  | { type: 'none' }
  | { type: 'range'; start: number; end: number }
  | { type: 'multiple' }
  | { type: 'unsatisfiable' }
  | { type: 'malformed' }

export function parseRange(header: string | null, size: number): RangeResult {
  if (header === null) return { type: 'none' }
  const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header)
  if (!m || !m[1]) return { type: 'malformed' }
  const parts = m[1].split(',').map((p) => p.trim())
  const specs: { start: number; end: number }[] = []
  for (const part of parts) {
    const r = /^(\d*)-(\d*)$/.exec(part)
    if (!r || (r[1] === '' && r[2] === '')) return { type: 'malformed' }
    const first = r[1] === '' ? undefined : Number(r[1])
    const last = r[2] === '' ? undefined : Number(r[2])
    if ((first !== undefined && !Number.isSafeInteger(first)) || (last !== undefined && !Number.isSafeInteger(last))) return { type: 'malformed' }
    if (first === undefined) {
      // Suffix range: the last N bytes.
      if (last === undefined || last === 0) specs.push({ start: size, end: size - 1 })
      else specs.push({ start: Math.max(0, size - last), end: size - 1 })
    } else {
      if (last !== undefined && last < first) return { type: 'malformed' }
      specs.push({ start: first, end: Math.min(last ?? size - 1, size - 1) })
    }
  }
  if (specs.length > 1) return { type: 'multiple' }
  const only = specs[0]
  if (!only || only.start >= size || only.start > only.end) return { type: 'unsatisfiable' }
  return { type: 'range', ...only }
}
