import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { serveSignedFile } from '~/server/signed-files.server'

// The signed /files handler of the HTTP server, mounted alone on a loopback port, so tests read
// exactly what a browser gets. The request path is sent as given (no URL normalisation), so
// traversal attempts reach the handler.

let listening: Promise<number> | undefined

function port(): Promise<number> {
  listening ??= new Promise((resolve) => {
    const app = express()
    app.get('/files/{*key}', serveSignedFile)
    const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
    // Lives as long as the test file's worker, without keeping it alive.
    server.unref()
  })
  return listening
}

/** GET (or HEAD) a /files/… path with its query string, as a fetch-style Response. */
export async function fetchFile(pathAndQuery: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const target = pathAndQuery.startsWith('http') ? new URL(pathAndQuery) : undefined
  const pathOnly = target ? target.pathname + target.search : pathAndQuery
  const p = await port()
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: p, path: pathOnly, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const headers = new Headers()
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, [value].flat().join(', '))
        const status = res.statusCode ?? 0
        const body = status === 304 || init.method === 'HEAD' ? null : Buffer.concat(chunks)
        resolve(new Response(body, { status, headers }))
      })
    })
    req.on('error', reject)
    req.end()
  })
}
