// `npm run bench:preview`: how long the store takes to render one tagged preview.
// A synthetic 3-minute stereo WAV (44.1 kHz, 16-bit, ~32 MB) and a 1.2 s chirp tag are written to a
// temporary folder; the full render (read the 60 s range from disk, mix the tag every 30 s, fade,
// encode 128 kbps MP3) runs 3 times, and so does the reference measured in the same run: encoding
// the same 60 s to MP3 alone (the floor any pure-JS render has). Prints the medians and the ratio.
// Goal: the render under 10 s on the project's machines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openFileSource } from '~/lib/audio/preview/file-source.server'
import { encodeMp3 } from '~/lib/audio/preview/mp3.server'
import { PREVIEW_KBPS, renderPreview } from '~/lib/audio/preview/render.server'
import { decodeWavRange } from '~/lib/audio/preview/wav'
import { chirpTag, monoAsStereo } from '../seed/audio/chirp-tag'
import { encodeWav } from '../seed/audio/wav'

const RATE = 44_100
const SECONDS = 180
const RUNS = 3
const GOAL_SECONDS = 10
const log = (line: string) => console.log(`[bench] ${line}`)

function syntheticBeat(): { left: Float32Array; right: Float32Array } {
  const n = SECONDS * RATE
  const left = new Float32Array(n)
  const right = new Float32Array(n)
  let seed = 1
  for (let i = 0; i < n; i++) {
    const t = i / RATE
    const beat = (t * 2) % 1 // 120 bpm kick envelope
    const kick = Math.exp(-beat * 12) * Math.sin(2 * Math.PI * 55 * t)
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    const hat = (seed / 0x7fffffff - 0.5) * Math.exp(-((t * 4) % 1) * 30) * 0.2
    const pad = 0.15 * Math.sin(2 * Math.PI * 220 * t) + 0.1 * Math.sin(2 * Math.PI * 277.2 * t)
    left[i] = 0.5 * kick + hat + pad
    right[i] = 0.5 * kick - hat + pad
  }
  return { left, right }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Wall-clock seconds, and the CPU seconds this process spent (the number that other load on a shared machine does not inflate). */
async function time(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  await fn()
  const used = process.cpuUsage(cpu)
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 }
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beatstall-bench-preview-'))
  try {
    const wavPath = path.join(dir, 'beat.wav')
    const tagPath = path.join(dir, 'tag.wav')
    writeFileSync(wavPath, encodeWav(syntheticBeat(), RATE))
    writeFileSync(tagPath, encodeWav(monoAsStereo(chirpTag(RATE)), RATE, { mono: true }))
    log(`source: ${SECONDS} s stereo WAV, 44.1 kHz 16-bit; preview: first 60 s, tag every 30 s, ${PREVIEW_KBPS} kbps`)
    const settings = { intervalSeconds: 30, levelDb: -6, rangeStartSeconds: 0, rangeLengthSeconds: 60 }
    const renders: { wall: number; cpu: number }[] = []
    const references: { wall: number; cpu: number }[] = []
    for (let run = 0; run < RUNS; run++) {
      const source = await openFileSource(wavPath)
      const tag = await openFileSource(tagPath)
      renders.push(await time(() => renderPreview({ source, sourceFormat: 'wav', tag, tagFormat: 'wav', settings })))
      const pcm = await decodeWavRange(source, 0, 60)
      references.push(await time(async () => encodeMp3(pcm, PREVIEW_KBPS)))
      await Promise.all([source.close(), tag.close()])
      const [a, b] = [renders[run]!, references[run]!]
      log(`run ${run + 1}: render ${a.wall.toFixed(2)} s (cpu ${a.cpu.toFixed(2)} s), encode-only reference ${b.wall.toFixed(2)} s (cpu ${b.cpu.toFixed(2)} s)`)
    }
    const r = median(renders.map((x) => x.wall))
    const rCpu = median(renders.map((x) => x.cpu))
    const ref = median(references.map((x) => x.wall))
    const refCpu = median(references.map((x) => x.cpu))
    log(`median render ${r.toFixed(2)} s wall, ${rCpu.toFixed(2)} s cpu (goal < ${GOAL_SECONDS} s)`)
    log(`median encode-only ${ref.toFixed(2)} s wall, ${refCpu.toFixed(2)} s cpu · render/encode ${(r / ref).toFixed(2)}× wall, ${(rCpu / refCpu).toFixed(2)}× cpu`)
    log(`load average while measuring: ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`)
    if (r >= GOAL_SECONDS) process.exitCode = 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
