import { open, type FileHandle } from 'node:fs/promises'
import type { ByteSource } from './byte-source'

/** A local file as a ByteSource; close it when done. */
export async function openFileSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle: FileHandle = await open(path, 'r')
  const { size } = await handle.stat()
  return {
    size,
    async read(offset, length) {
      const len = Math.max(0, Math.min(length, size - offset))
      const buf = Buffer.alloc(len)
      if (len > 0) await handle.read(buf, 0, len, offset)
      return buf
    },
    close: () => handle.close(),
  }
}
