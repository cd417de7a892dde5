import { readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type StartedServer } from '../utils/start-server'

// Body caps over real HTTP, against the production build: a body whose Content-Length passes the
// cap is refused before a byte is read, one sent chunked is refused once the cap is passed, and a
// 200 MB attempt on the webhook leaves the server's peak memory where it was. The test streams
// the 200 MB (one reused 64 KB buffer), so it never holds it either.

let server: StartedServer

beforeAll(async () => {
  server = await startServer({ databaseUrl: process.env.DATABASE_URL!, dataPrefix: 'beatstall-body-limits-' })
}, 120_000)

afterAll(async () => {
  agent.destroy()
  if (server) expect(await server.stop(), server.output()).toBe(0)
})

const MB = 1024 * 1024

/** kB figures from /proc/<pid>/status (Linux). */
function memoryKb(field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8')
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1])
}

/** Resets the process's peak resident size (VmHWM) to its current one. */
function resetPeak() {
  writeFileSync(`/proc/${server.pid}/clear_refs`, '5')
}

interface Answer {
  status: number
  body: string
  /** Bytes the client had written when the answer arrived. */
  sentBeforeAnswer: number
}

// Keep-alive, as browsers and Stripe connect: with `Connection: close` the server closes the
// socket once it has answered, and a client still sending gets EPIPE instead of reading it.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

/**
 * POSTs `totalBytes` (declared in Content-Length, or chunked) and stops sending as soon as the
 * answer arrives. Fails if the connection breaks before any answer.
 */
function streamPost(path: string, totalBytes: number, opts: { chunked: boolean; contentType: string }): Promise<Answer> {
  const piece = Buffer.alloc(64 * 1024, 0x20)
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': opts.contentType, Origin: server.origin }
    if (opts.chunked) headers['Transfer-Encoding'] = 'chunked'
    else headers['Content-Length'] = String(totalBytes)
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path, headers, agent })
    let sent = 0
    let answered = false
    req.on('response', (res) => {
      answered = true
      const sentBeforeAnswer = sent
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => {
        resolve({ status: res.statusCode!, body, sentBeforeAnswer })
        req.destroy()
      })
    })
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const write = () => {
      while (!answered && sent < totalBytes) {
        const chunk = piece.subarray(0, Math.min(piece.length, totalBytes - sent))
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      if (!answered) req.end()
    }
    write()
  })
}

describe('a 200 MB webhook attempt', () => {
  for (const chunked of [false, true]) {
    it(`${chunked ? 'sent chunked' : 'with its Content-Length'}: 413, and the server's peak memory stays low`, async () => {
      const rssBefore = memoryKb('VmRSS')
      resetPeak()
      const answer = await streamPost('/webhooks/stripe', 200 * MB, { chunked, contentType: 'application/json' })
      const peakGrowthMb = (memoryKb('VmHWM') - rssBefore) / 1024
      expect(peakGrowthMb, 'peak RSS growth of the server, MB').toBeLessThan(48)
      expect(answer.status).toBe(413)
      expect(answer.body).toBe('This request is larger than the 512 KB this address accepts.')
      // Refused long before the end: from the header at once, or soon after the cap when chunked.
      expect(answer.sentBeforeAnswer).toBeLessThan(100 * MB)
    }, 60_000)
  }
})

describe('form posts', () => {
  it('a form over 64 KB by its Content-Length is refused before any route runs', async () => {
    const answer = await streamPost('/checkout', 20 * MB, { chunked: false, contentType: 'application/x-www-form-urlencoded' })
    expect(answer.status).toBe(413)
    expect(answer.body).toBe('This request is larger than the 64 KB this address accepts.')
  })

  it('a chunked form over 64 KB is refused once the cap is passed', async () => {
    const answer = await streamPost('/studio/login', 20 * MB, { chunked: true, contentType: 'application/x-www-form-urlencoded' })
    expect(answer.status).toBe(413)
  })

  it('an address with no action refuses a large body too', async () => {
    const answer = await streamPost('/licensing', 1 * MB, { chunked: false, contentType: 'text/plain' })
    expect(answer.status).toBe(413)
  })
})
