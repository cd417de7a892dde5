import yazl from 'yazl'

// Stems as one zip of WAVs. Deflated at the fastest level: synthesised stems are half silence
// (a bass that waits for the drop, a melody that enters late), which halves the zip; higher
// levels cost more time for almost nothing more.

export function zipFiles(files: { name: string; data: Buffer }[], mtime = new Date('2026-01-01T00:00:00Z')): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const f of files) zip.addBuffer(f.data, f.name, { compressionLevel: 1, mtime })
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c))
    zip.outputStream.on('error', reject)
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}
