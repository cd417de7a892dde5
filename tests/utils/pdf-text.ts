// pdfkit writes standard-font text as hex strings inside TJ arrays; with compress:false the
// content streams are plain, so the text can be read back and checked.
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1')
  const out: string[] = []
  for (const m of src.matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    const hex = [...m[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('')
    out.push(Buffer.from(hex, 'hex').toString('latin1'))
  }
  return out.join('\n')
}
