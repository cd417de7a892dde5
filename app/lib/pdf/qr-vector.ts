import QRCode from 'qrcode'

// The verification QR drawn as vector squares. Encoding a PNG and having pdfkit decode it again
// cost about 120 ms per license; the vector form costs about 2 ms and stays sharp when printed.

interface RectCanvas {
  rect(x: number, y: number, w: number, h: number): unknown
  fill(color?: string): unknown
  save(): unknown
  restore(): unknown
}

/** Dark runs per row, merged horizontally: [row, firstColumn, length]. */
export function qrRuns(text: string): { size: number; runs: [number, number, number][] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const runs: [number, number, number][] = []
  for (let row = 0; row < modules.size; row++) {
    let start = -1
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col)
      if (dark && start < 0) start = col
      if (!dark && start >= 0) {
        runs.push([row, start, col - start])
        start = -1
      }
    }
  }
  return { size: modules.size, runs }
}

export function drawQr(doc: RectCanvas, text: string, x: number, y: number, width: number, quietModules = 2) {
  const { size, runs } = qrRuns(text)
  const cell = width / (size + quietModules * 2)
  doc.save()
  doc.rect(x, y, width, width)
  doc.fill('#ffffff')
  for (const [row, col, length] of runs)
    doc.rect(x + (col + quietModules) * cell, y + (row + quietModules) * cell, length * cell + 0.01, cell + 0.01)
  doc.fill('#000000')
  doc.restore()
}
