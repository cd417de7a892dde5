import { randomUUID } from 'node:crypto'
import net from 'node:net'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { reloadEnv } from '~/lib/env.server'
import { makeBeat } from '../factories'
import { makePng, makeSignedInProducer, multipartBody } from '../factories-studio'
import { DISCARD_LIMIT_BYTES } from '~/server/discard-unread-body'
import { startServer, type StartedServer } from '../utils/start-server'

// Refused uploads over real HTTP, against the production build: the client must read the 413,
// not a reset connection (EPIPE / ECONNRESET) because the server stopped reading and hung up
// while the body was still arriving. Browsers and HTTP clients send the whole body first.

const SESSION_SECRET = 'upload-http-test-session-secret-0123456789'

let server: StartedServer
let cookie: string
let beatId: string

beforeAll(async () => {
  process.env.SESSION_SECRET = SESSION_SECRET
  reloadEnv()
  const producer = await makeSignedInProducer()
  cookie = producer.cookie
  beatId = (await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })).id
  server = await startServer({ databaseUrl: process.env.DATABASE_URL!, env: { SESSION_SECRET }, dataPrefix: 'beatstall-upload-http-' })
}, 120_000)

afterAll(async () => {
  if (server) expect(await server.stop(), server.output()).toBe(0)
})

interface Answer {
  status: number
  body: string
}

/**
 * Posts a body (with a Content-Length, or chunked without one) over a raw socket, in pieces with a
 * pause between them as over a real network, so the server can answer while the body is still
 * arriving. Fails if the server hangs up before the client has sent everything: that is what
 * clients report as EPIPE or a reset connection instead of the answer. (Node's own HTTP client
 * stops sending once an early answer has arrived, so it cannot show this.)
 */
function post(urlPath: string, contentType: string, body: Buffer, opts: { chunked?: boolean; origin?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1')
    const framing = opts.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`
    socket.write(
      `POST ${urlPath} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nOrigin: ${opts.origin ?? server.origin}\r\n` +
        `Content-Type: ${contentType}\r\n${framing}\r\n\r\n`,
    )
    let received = Buffer.alloc(0)
    let answer: Answer | undefined
    let offset = 0
    const settle = () => {
      if (answer && offset >= body.length) {
        socket.destroy()
        resolve(answer)
      }
    }
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      answer ??= parseAnswer(received)
      settle()
    })
    const hungUp = () => {
      if (offset < body.length) reject(new Error(`the server hung up after ${offset} of ${body.length} bytes (answer: ${answer?.status})`))
    }
    socket.on('error', hungUp)
    socket.on('close', hungUp)
    const pump = () => {
      if (socket.destroyed) return
      if (offset >= body.length) {
        if (opts.chunked) socket.write('0\r\n\r\n')
        return settle()
      }
      const piece = body.subarray(offset, offset + 256 * 1024)
      offset += piece.length
      const more = opts.chunked
        ? socket.write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]))
        : socket.write(piece)
      if (more) setTimeout(pump, 1)
      else socket.once('drain', pump)
    }
    pump()
  })
}

/** A complete HTTP/1.1 answer from the bytes so far, or undefined while it is still arriving. */
function parseAnswer(bytes: Buffer): Answer | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n')
  if (headEnd < 0) return undefined
  const head = bytes.subarray(0, headEnd).toString('latin1')
  const status = Number(head.split(' ')[1])
  let rest = bytes.subarray(headEnd + 4)
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)
  if (length) return rest.length >= Number(length[1]) ? { status, body: rest.subarray(0, Number(length[1])).toString() } : undefined
  // Chunked: size line, data, CRLF … until a zero-size chunk.
  let text = ''
  for (;;) {
    const lineEnd = rest.indexOf('\r\n')
    if (lineEnd < 0) return undefined
    const size = parseInt(rest.subarray(0, lineEnd).toString(), 16)
    if (size === 0) return { status, body: text }
    if (rest.length < lineEnd + 2 + size + 2) return undefined
    text += rest.subarray(lineEnd + 2, lineEnd + 2 + size).toString()
    rest = rest.subarray(lineEnd + 2 + size + 2)
  }
}

function stagingFiles() {
  const dir = path.join(server.dataDir, 'uploads')
  return existsSync(dir) ? readdirSync(dir) : []
}

describe('refused uploads over HTTP', () => {
  it('answers an oversize cover with a readable 413, every time, from the declared length', async () => {
    const { body, contentType } = multipartBody(Buffer.concat([await makePng(8), Buffer.alloc(11 * 1024 * 1024)]), 'huge.png')
    for (let i = 0; i < 6; i++) {
      const answer = await post(`/studio/beats/${beatId}/upload/cover`, contentType, body)
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.body).error).toMatch(/larger than the 10 MB limit/)
    }
  }, 60_000)

  it('answers a streamed oversize cover (no Content-Length) with 413 and keeps no staging file', async () => {
    const { body, contentType } = multipartBody(Buffer.concat([await makePng(8), Buffer.alloc(24 * 1024 * 1024)]), 'huge.png')
    for (let i = 0; i < 3; i++) {
      const answer = await post(`/studio/beats/${beatId}/upload/cover`, contentType, body, { chunked: true })
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.body).error).toMatch(/larger than the 10 MB limit/)
    }
    expect(stagingFiles()).toEqual([])
  }, 60_000)

  it('answers a text file posing as a WAV with 415, and still serves the next request', async () => {
    const { body, contentType } = multipartBody(Buffer.from('not a wav\n'.repeat(1_500_000)), 'beat.wav')
    const answer = await post(`/studio/beats/${beatId}/upload/wav`, contentType, body)
    expect(answer.status).toBe(415)
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200)
  }, 60_000)

  it('answers a large upload to a beat that is not yours with a readable 404', async () => {
    const { body, contentType } = multipartBody(Buffer.alloc(12 * 1024 * 1024), 'beat.wav')
    const answer = await post(`/studio/beats/${randomUUID()}/upload/wav`, contentType, body)
    expect(answer.status).toBe(404)
  }, 60_000)

  it('cuts off a client that keeps sending far past the limit, and stays up', async () => {
    const { body, contentType } = multipartBody(Buffer.alloc(DISCARD_LIMIT_BYTES + 40 * 1024 * 1024), 'huge.png')
    const error: Error = await post(`/studio/beats/${beatId}/upload/cover`, contentType, body, { chunked: true }).then(
      () => new Error('the whole body was accepted'),
      (e: Error) => e,
    )
    // Cut off after the limit was read and thrown away, not at once.
    const sent = Number(/hung up after (\d+)/.exec(error.message)?.[1])
    expect(sent, error.message).toBeGreaterThan(DISCARD_LIMIT_BYTES)
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200)
    expect(stagingFiles()).toEqual([])
  }, 60_000)
})

describe('cross-site posts', () => {
  const signIn = (headers: Record<string, string>) =>
    fetch(`${server.origin}/studio/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: 'email=nobody%40example.test&password=not-the-password',
      redirect: 'manual',
    })

  it('refuses a form posted from another site with a readable 403, by Origin or else by Referer', async () => {
    const crossSite: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Referer: 'https://evil.example/page' }, { Referer: 'not a url' }]
    for (const headers of crossSite) {
      const res = await signIn(headers)
      expect(res.status, JSON.stringify(headers)).toBe(403)
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(await res.text()).toBe('This form was sent from another site, so it was refused.')
    }
    // The store's own pages, and clients that send neither header, reach the route.
    expect((await signIn({ Origin: server.origin })).status).toBe(401)
    expect((await signIn({ Referer: `${server.origin}/studio/login` })).status).toBe(401)
    expect((await signIn({})).status).toBe(401)
  })

  it('refuses every kind of form from another site before its action runs', async () => {
    const forms: [string, string][] = [
      ['/studio/logout', ''],
      ['/studio/forgot-password', 'email=nobody%40example.test'],
      [`/studio/beats/${beatId}`, 'intent=publish'],
      ['/studio/sales', 'intent=reset-downloads&lineId=x'],
      ['/checkout', 'items=x'],
      ['/orders', 'email=nobody%40example.test'],
    ]
    for (const [urlPath, body] of forms) {
      const res = await fetch(`${server.origin}${urlPath}`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      })
      expect(res.status, urlPath).toBe(403)
      expect(await res.text()).toMatch(/another site/)
    }
    expect((await prisma.beat.findUniqueOrThrow({ where: { id: beatId }, select: { status: true } })).status).toBe('DRAFT')
  })

  it('refuses a cross-site upload before reading it, stores nothing, and lets the client finish sending', async () => {
    const { body, contentType } = multipartBody(Buffer.alloc(3 * 1024 * 1024), 'beat.wav')
    const answer = await post(`/studio/beats/${beatId}/upload/wav`, contentType, body, { origin: 'https://evil.example' })
    expect(answer.status).toBe(403)
    expect(answer.body).toMatch(/another site/)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  }, 60_000)
})
