/** Drops control characters and the ones file systems or headers choke on. */
export function safeFilename(name: string): string {
  return [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}
