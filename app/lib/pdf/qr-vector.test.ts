import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrRuns } from './qr-vector'

describe('qrRuns', () => {
  it('covers exactly the dark modules of the QR code, row by row', () => {
    const text = 'https://beats.example/licenses/3f6c2a1e-8d4b-4c1a-9a57-2b8e1d0c7f42'
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    const { size, runs } = qrRuns(text)
    expect(size).toBe(modules.size)
    const painted = new Set<string>()
    for (const [row, col, length] of runs) for (let c = col; c < col + length; c++) painted.add(`${row},${c}`)
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) expect(painted.has(`${r},${c}`)).toBe(!!modules.get(r, c))
  })
})
