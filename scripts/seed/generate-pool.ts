import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { generateBeatFiles, type GeneratedBeat } from './audio/generate'
import type { BeatSpec } from './audio/render'

// Spreads beat rendering over worker threads, one per core by default: the seed sits between a
// newcomer's first `npm start` and a store that answers. If workers cannot start (no tsx loader
// available, say), it renders in this thread instead: slower, same result.

type Spec = BeatSpec & { title?: string }
type Pending = { resolve: (f: GeneratedBeat) => void; reject: (e: Error) => void }

export interface GeneratePool {
  generate(spec: Spec): Promise<GeneratedBeat>
  close(): Promise<void>
}

export function createGeneratePool(size = Math.min(8, os.availableParallelism())): GeneratePool {
  if (size < 1) return { generate: (spec) => generateBeatFiles(spec), close: async () => {} }
  const url = new URL('./generate-worker.mjs', import.meta.url)
  const workers: { worker: Worker; busy: boolean }[] = []
  const queue: { id: number; spec: Spec }[] = []
  const pending = new Map<number, Pending>()
  const assigned = new Map<Worker, number>()
  const specs = new Map<number, Spec>()
  let nextId = 1
  let broken = false

  const pump = () => {
    for (const slot of workers) {
      if (slot.busy) continue
      const job = queue.shift()
      if (!job) return
      slot.busy = true
      assigned.set(slot.worker, job.id)
      slot.worker.postMessage(job)
    }
  }

  const fallback = (job: { id: number; spec: Spec }) => {
    const p = pending.get(job.id)
    pending.delete(job.id)
    generateBeatFiles(job.spec).then(p?.resolve, p?.reject)
  }

  for (let i = 0; i < size; i++) {
    const worker = new Worker(url)
    const slot = { worker, busy: false }
    worker.on('message', (msg: { id: number; files?: GeneratedBeat; error?: string }) => {
      slot.busy = false
      assigned.delete(worker)
      const p = pending.get(msg.id)
      pending.delete(msg.id)
      specs.delete(msg.id)
      // Structured clone turns Buffers into Uint8Arrays: view them as Buffers again.
      if (msg.files) {
        for (const f of Object.values(msg.files)) f.data = Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength)
        p?.resolve(msg.files)
      } else p?.reject(new Error(msg.error ?? 'generation failed'))
      pump()
    })
    worker.on('error', () => {
      // The worker could not run (or crashed): finish its job and everything queued in-process.
      broken = true
      const id = assigned.get(worker)
      workers.splice(workers.indexOf(slot), 1)
      const spec = id === undefined ? undefined : specs.get(id)
      if (id !== undefined && spec) fallback({ id, spec })
      if (workers.length === 0) for (const job of queue.splice(0)) fallback(job)
    })
    workers.push(slot)
  }

  return {
    generate(spec) {
      const id = nextId++
      specs.set(id, spec)
      return new Promise<GeneratedBeat>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        if (broken && workers.length === 0) fallback({ id, spec })
        else {
          queue.push({ id, spec })
          pump()
        }
      })
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()))
    },
  }
}
