import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { lowerScriptPriority, lowerScriptPriorityStream } from './script-priority'

const head = '<html><head><link rel="stylesheet" href="/a.css"/><link rel="modulepreload" href="/x.js"/><link rel="modulepreload" href="/y.js"/></head>'
const body = '<body><p>&lt;link rel="modulepreload" stays as written in the body</p></body></html>'

describe('script priority', () => {
  it('marks every modulepreload link low priority and leaves other links alone', () => {
    expect(lowerScriptPriority(head)).toBe(
      '<html><head><link rel="stylesheet" href="/a.css"/><link rel="modulepreload" fetchpriority="low" href="/x.js"/><link rel="modulepreload" fetchpriority="low" href="/y.js"/></head>',
    )
  })

  it('rewrites the head even when a link is split across chunks, and streams the body unchanged', async () => {
    const whole = head + body.replace('&lt;', '<')
    // Chunks of 7 characters split "<link rel=" and "</head>" in the middle.
    const chunks = whole.match(/[\s\S]{1,7}/g)!
    const out = await text(Readable.from(chunks).pipe(lowerScriptPriorityStream()))
    expect(out).toBe(lowerScriptPriority(head) + body.replace('&lt;', '<'))
  })

  it('passes a document without a head end through, rewritten, at its end', async () => {
    const out = await text(Readable.from(['<link rel="module', 'preload" href="/x.js"/>']).pipe(lowerScriptPriorityStream()))
    expect(out).toBe('<link rel="modulepreload" fetchpriority="low" href="/x.js"/>')
  })
})
