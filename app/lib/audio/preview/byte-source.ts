// Random access to a stored file, so a 500 MB WAV is read only where the preview range lies.

export interface ByteSource {
  size: number
  read(offset: number, length: number): Promise<Uint8Array>
}

export function bufferSource(buf: Uint8Array): ByteSource {
  return { size: buf.byteLength, read: async (offset, length) => buf.subarray(offset, Math.min(buf.byteLength, offset + length)) }
}
