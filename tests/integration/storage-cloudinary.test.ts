import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import https from 'node:https'
import type { IncomingMessage, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { v2 as cloudinary } from 'cloudinary'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCloudinaryStorage, parseCloudinaryUrl, publicIdFor, resourceTypeFor } from '~/lib/storage/cloudinary.server'

// The Cloudinary driver with the real SDK: URLs are checked offline by re-signing them, uploads go
// to a local fake of Cloudinary's upload API (upload_prefix), never to the internet.

const creds = parseCloudinaryUrl('cloudinary://123456789012345:test-api-secret-abc@demo-cloud')
const uploads: { url: string; body: string }[] = []
let server: Server
let prefix = ''

beforeAll(async () => {
  // The SDK only speaks https: a throwaway self-signed certificate for 127.0.0.1, trusted here only.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beatstall-cld-cert-'))
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
  const cert = readFileSync(`${dir}/cert.pem`)
  https.globalAgent.options.ca = [cert]
  server = https.createServer({ key: readFileSync(`${dir}/key.pem`), cert }, (req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      uploads.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString('latin1') })
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ public_id: 'x', version: 1, resource_type: 'video', type: 'authenticated', bytes: 1 }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  prefix = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('Cloudinary storage', () => {
  it('maps kinds to resource types and keys to public ids', () => {
    expect(resourceTypeFor('PREVIEW')).toBe('video')
    expect(resourceTypeFor('WAV')).toBe('video')
    expect(resourceTypeFor('STEMS')).toBe('raw')
    expect(resourceTypeFor('COVER')).toBe('image')
    expect(publicIdFor('beats/b1/mp3.mp3', 'MP3')).toEqual({ publicId: 'beats/b1/mp3', format: 'mp3' })
    expect(publicIdFor('beats/b1/stems.zip', 'STEMS')).toEqual({ publicId: 'beats/b1/stems.zip', format: 'zip' })
    expect(creds).toMatchObject({ cloudName: 'demo-cloud', apiKey: '123456789012345', apiSecret: 'test-api-secret-abc' })
  })

  it('makes a private download URL that expires and whose signature re-signs correctly', () => {
    const storage = createCloudinaryStorage(creds, path.join(os.tmpdir(), 'beatstall-cld-test'))
    const expiresAt = new Date(Date.now() + 10 * 60 * 1000)
    for (const [key, kind, resource] of [
      ['beats/b1/wav.wav', 'WAV', 'video'],
      ['beats/b1/stems.zip', 'STEMS', 'raw'],
    ] as const) {
      const url = new URL(storage.signedDownloadUrl(key, { kind, expiresAt, contentType: 'audio/wav', filename: 'x.wav' }))
      expect(url.origin + url.pathname).toBe(`https://api.cloudinary.com/v1_1/demo-cloud/${resource}/download`)
      const q = Object.fromEntries(url.searchParams)
      expect(Number(q.expires_at)).toBe(Math.floor(expiresAt.getTime() / 1000))
      expect(q.type).toBe('authenticated')
      expect(q.attachment).toBe('true')
      expect(q.api_key).toBe(creds.apiKey)
      const { signature, api_key: _k, resource_type: _r, ...signed } = q
      expect(cloudinary.utils.api_sign_request(signed, creds.apiSecret)).toBe(signature)
      // Changing any signed field (e.g. a later expiry) no longer matches.
      expect(cloudinary.utils.api_sign_request({ ...signed, expires_at: String(Number(q.expires_at) + 60) }, creds.apiSecret)).not.toBe(signature)
    }
  })

  it('gives previews and covers a signed authenticated delivery URL', () => {
    const storage = createCloudinaryStorage(creds, path.join(os.tmpdir(), 'beatstall-cld-test'))
    expect(storage.publicUrl('beats/b1/preview.mp3', 'PREVIEW')).toMatch(
      /^https:\/\/res\.cloudinary\.com\/demo-cloud\/video\/authenticated\/s--[\w-]{8}--\/(v1\/)?beats\/b1\/preview\.mp3$/,
    )
    expect(storage.publicUrl('beats/b1/preview.mp3', 'PREVIEW')).not.toContain('?')
    expect(storage.publicUrl('beats/b1/cover.png', 'COVER')).toMatch(/\/image\/authenticated\/s--[\w-]{8}--\/(v1\/)?beats\/b1\/cover\.png$/)
  })

  it('uploads through upload_stream as authenticated assets of the right resource type', async () => {
    const storage = createCloudinaryStorage({ ...creds, uploadPrefix: prefix }, path.join(os.tmpdir(), 'beatstall-cld-test'))
    const data = Buffer.from('ID3 fake audio bytes')
    const result = await storage.put('beats/b1/preview.mp3', data, { kind: 'PREVIEW', contentType: 'audio/mpeg' })
    expect(result.bytes).toBe(data.length)
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/)
    const last = uploads.at(-1)
    expect(last?.url).toBe('/v1_1/demo-cloud/video/upload')
    expect(last?.body).toContain('authenticated')
    expect(last?.body).toContain('beats/b1/preview')
    await expect(storage.put('beats/b1/stems.zip', Buffer.alloc(2000), { kind: 'STEMS', contentType: 'application/zip', maxBytes: 1000 })).rejects.toThrow(/limit/)
    expect(uploads.at(-1)?.url).toBe('/v1_1/demo-cloud/video/upload')
  })
})
