import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import https from 'node:https'
import type { IncomingMessage, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { v2 as cloudinary } from 'cloudinary'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Cloudinary mode: the browser uploads straight to Cloudinary with parameters the store signed,
// then reports the public id; the store asks Cloudinary's admin API (a local https fake here, so
// the real SDK runs) what arrived before recording it.

const SECRET = 'studio-test-secret'
const requests: { method: string; url: string }[] = []
let resource: Record<string, unknown> = {}
let server: Server

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beatstall-studio-cld-'))
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
  const cert = readFileSync(`${dir}/cert.pem`)
  https.globalAgent.options.ca = [cert]
  server = https.createServer({ key: readFileSync(`${dir}/key.pem`), cert }, (req: IncomingMessage, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' })
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(req.method === 'DELETE' ? { deleted: {} } : resource))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const prefix = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.env.CLOUDINARY_URL = `cloudinary://111222333:${SECRET}@studio-cloud?upload_prefix=${encodeURIComponent(prefix)}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

async function setup() {
  const { makeBeat } = await import('../factories')
  const { makeSignedInProducer } = await import('../factories-studio')
  const producer = await makeSignedInProducer()
  const beat = await makeBeat({ producerId: producer.id, status: 'DRAFT', withFiles: false })
  return { producer, beatId: beat.id }
}

async function post(cookie: string, beatId: string, kind: string, body: unknown) {
  const { ORIGIN } = await import('../factories-studio')
  const { routeArgs, run } = await import('../utils/route')
  const upload = await import('~/routes/studio.beats.$id.upload.$kind')
  const request = new Request(`${ORIGIN}/studio/beats/${beatId}/upload/${kind}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return run(() => upload.action(routeArgs(request, { id: beatId, kind })))
}

describe('signed direct uploads to Cloudinary', () => {
  it('signs exactly the parameters the browser sends: authenticated type, a public id under the beat', async () => {
    const { producer, beatId } = await setup()
    const res = await post(producer.cookie, beatId, 'wav', { intent: 'sign', filename: 'beat.wav', bytes: 1000 })
    expect(res.status).toBe(200)
    const { url, params } = res.data as { url: string; params: Record<string, string> }
    expect(url).toMatch(/\/v1_1\/studio-cloud\/video\/upload$/)
    expect(params.type).toBe('authenticated')
    expect(params.public_id).toMatch(new RegExp(`^beats/${beatId}/wav-[0-9a-f]{12}$`))
    expect(params.api_key).toBe('111222333')
    const resigned = cloudinary.utils.api_sign_request({ timestamp: params.timestamp!, public_id: params.public_id!, type: params.type! }, SECRET)
    expect(params.signature).toBe(resigned)
    const stems = await post(producer.cookie, beatId, 'stems', { intent: 'sign', filename: 's.zip', bytes: 1000 })
    expect((stems.data as { url: string; params: { public_id: string } }).url).toMatch(/\/raw\/upload$/)
    expect((stems.data as { params: { public_id: string } }).params.public_id).toMatch(/\.zip$/)
  })

  it('refuses to sign a file over the slot limit (413)', async () => {
    const { producer, beatId } = await setup()
    const res = await post(producer.cookie, beatId, 'cover', { intent: 'sign', filename: 'huge.png', bytes: 50 * 1024 * 1024 })
    expect(res.status).toBe(413)
  })

  it('records a confirmed upload after checking it with the admin API', async () => {
    const { prisma } = await import('~/models/db.server')
    const { producer, beatId } = await setup()
    const publicId = `beats/${beatId}/wav-0123456789ab`
    resource = { public_id: publicId, format: 'wav', bytes: 123456, duration: 2.5, etag: 'abc123' }
    const res = await post(producer.cookie, beatId, 'wav', { intent: 'confirm', publicId, filename: 'beat.wav' })
    expect(res.status).toBe(200)
    expect(requests.at(-1)!.url).toContain('/v1_1/studio-cloud/resources/video/authenticated/')
    expect(decodeURIComponent(requests.at(-1)!.url)).toContain(publicId)
    const file = await prisma.beatFile.findUniqueOrThrow({ where: { beatId_kind: { beatId, kind: 'WAV' } } })
    expect(file).toMatchObject({ storageKey: `${publicId}.wav`, bytes: 123456, durationMs: 2500, contentType: 'audio/wav', sha256: 'md5:abc123' })
  })

  it('deletes and refuses an upload Cloudinary read as the wrong format, and ids outside the beat', async () => {
    const { prisma } = await import('~/models/db.server')
    const { producer, beatId } = await setup()
    const publicId = `beats/${beatId}/mp3-0123456789ab`
    resource = { public_id: publicId, format: 'txt', bytes: 10 }
    const before = requests.length
    const res = await post(producer.cookie, beatId, 'mp3', { intent: 'confirm', publicId, filename: 'x.mp3' })
    expect(res.status).toBe(415)
    expect(requests.slice(before).some((r) => r.method === 'DELETE')).toBe(true)
    const foreign = await post(producer.cookie, beatId, 'mp3', { intent: 'confirm', publicId: 'beats/someone-else/mp3-0123456789ab', filename: 'x.mp3' })
    expect(foreign.status).toBe(400)
    expect(await prisma.beatFile.count({ where: { beatId } })).toBe(0)
  })
})
