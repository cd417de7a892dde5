import { parentPort } from 'node:worker_threads'
import { generateBeatFiles } from './audio/generate'
import type { BeatSpec } from './audio/render'

// Runs in a worker thread: renders one beat's files per message (MP3 encoding is CPU-bound).

parentPort?.on('message', (msg: { id: number; spec: BeatSpec & { title?: string } }) => {
  generateBeatFiles(msg.spec).then(
    (files) => parentPort?.postMessage({ id: msg.id, files }),
    (error: unknown) => parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) }),
  )
})
