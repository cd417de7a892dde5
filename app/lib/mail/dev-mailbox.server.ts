import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { devMailDir, type DevMailSummary } from './transport.server'

// Reads the mail the file transport wrote (development and tests only; see dev.mailbox routes).

const Summary = z.object({
  id: z.string(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sentAt: z.string(),
})

// Names are ours (`<iso>_<uuid>`); anything else in the URL is refused before touching the disk.
const ID = /^[0-9TZ-]+_[0-9a-f-]{36}$/

export async function listDevMail(): Promise<Omit<DevMailSummary, 'text' | 'html'>[]> {
  let names: string[]
  try {
    names = await readdir(devMailDir())
  } catch {
    return []
  }
  const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).sort().reverse().slice(0, 200)
  const mails = await Promise.all(ids.map((id) => readDevMail(id)))
  return mails.filter((m): m is DevMailSummary => m !== null).map(({ text: _t, html: _h, ...rest }) => rest)
}

export async function readDevMail(id: string): Promise<DevMailSummary | null> {
  if (!ID.test(id)) return null
  try {
    const raw: unknown = JSON.parse(await readFile(path.join(devMailDir(), `${id}.json`), 'utf8'))
    return Summary.parse(raw)
  } catch {
    return null
  }
}
