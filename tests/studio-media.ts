// Small, valid media files generated on the fly (no binary fixtures in the repo). No app imports,
// so Playwright specs can use them too.

/** A mono 16-bit PCM WAV of a sine tone. */
export function makeWav(seconds = 0.5, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate)
  const data = Buffer.alloc(samples * 2)
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((i / sampleRate) * 2 * Math.PI * 440) * 8000), i * 2)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8)
  header.write('fmt ', 12)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

export async function makeMp3(seconds = 1): Promise<Buffer> {
  const { Mp3Encoder } = await import('@breezystack/lamejs')
  const sampleRate = 22050
  const pcm = new Int16Array(Math.round(seconds * sampleRate))
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(Math.sin((i / sampleRate) * 2 * Math.PI * 330) * 8000)
  const encoder = new Mp3Encoder(1, sampleRate, 64)
  const parts: Buffer[] = []
  for (let i = 0; i < pcm.length; i += 1152) {
    const out = encoder.encodeBuffer(pcm.subarray(i, i + 1152))
    if (out.length) parts.push(Buffer.from(out.buffer, out.byteOffset, out.length))
  }
  const end = encoder.flush()
  if (end.length) parts.push(Buffer.from(end.buffer, end.byteOffset, end.length))
  return Buffer.concat(parts)
}

export async function makeZip(entries: { name: string; data: Buffer; compress?: boolean }[]): Promise<Buffer> {
  const { ZipFile } = await import('yazl')
  const zip = new ZipFile()
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress ?? true })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function makePng(size = 64): Promise<Buffer> {
  const { PNG } = await import('pngjs')
  const png = new PNG({ width: size, height: size })
  for (let i = 0; i < size * size; i++) png.data.set([245, 184, 61, 255], i * 4)
  return PNG.sync.write(png)
}

