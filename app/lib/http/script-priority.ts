import { Transform } from 'node:stream'

// Every page is rendered on the server, so the JavaScript only makes it interactive. React Router
// preloads the bundle with <link rel="modulepreload">, which browsers fetch at high priority, ahead
// of the cover images and in the same few connections as the stylesheet. On a phone's slow network
// that made first paint wait for the bundle. `fetchpriority="low"` lets the stylesheet and the
// above-the-fold images go first; the scripts still load in parallel and in order.
// (React Router's <Scripts> takes no attributes for these links, hence the rewrite of the head.)

const PRELOAD = '<link rel="modulepreload"'
const LOW_PRELOAD = '<link rel="modulepreload" fetchpriority="low"'
const HEAD_END = '</head>'
/** A document whose head is longer than this is passed on untouched. */
const MAX_HEAD = 256 * 1024

export function lowerScriptPriority(head: string): string {
  return head.replaceAll(PRELOAD, LOW_PRELOAD)
}

/** Rewrites the modulepreload links of the document's <head>; the body streams through as it is. */
export function lowerScriptPriorityStream(): Transform {
  let head = ''
  let done = false
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      if (done) return callback(null, chunk)
      head += chunk.toString()
      const end = head.indexOf(HEAD_END)
      if (end === -1 && head.length < MAX_HEAD) return callback()
      done = true
      const cut = end === -1 ? head.length : end
      const out = lowerScriptPriority(head.slice(0, cut)) + head.slice(cut)
      head = ''
      callback(null, out)
    },
    flush(callback) {
      callback(null, done ? undefined : lowerScriptPriority(head))
    },
  })
}
