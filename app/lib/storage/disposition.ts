// Content-Disposition with both a plain ASCII filename and the RFC 5987 UTF-8 form (RFC 6266), so
// `Night Drive (Trackout).wav` or `Café Nights.mp3` save under the right name everywhere.

export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const clean = filename.replace(/[\r\n\t\\/]+/g, ' ').replace(/\s+/g, ' ').trim() || 'download'
  const ascii = clean.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["%;]/g, '').trim() || 'download'
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
