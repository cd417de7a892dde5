import { describe, expect, it } from 'vitest'
import { FREE_LIMITS, hashFreeToken } from '~/lib/free-downloads/free-download.server'
import { contractSha256 } from '~/lib/contracts/hash.server'
import { getStorage } from '~/lib/storage/index.server'
import { beatFileKey } from '~/lib/storage/keys'
import { upsertBeatFile } from '~/models/beat/files.server'
import { prisma } from '~/models/db.server'
import * as beatPage from '~/routes/beats.$slug'
import * as freeRequest from '~/routes/free.$slug'
import * as confirm from '~/routes/free.confirm.$token'
import * as file from '~/routes/free.file.$token'
import * as license from '~/routes/free.license.$token'
import * as licensePdf from '~/routes/free.license.$token[.]pdf'
import { freeLicensePdf } from '~/lib/free-downloads/free-license-pdf.server'
import { pdfText } from '../utils/pdf-text'
import * as unsub from '~/routes/free.unsubscribe.$token'
import * as studio from '~/routes/studio.free-downloads'
import * as csv from '~/routes/studio.free-downloads[.]csv'
import { makeBeat } from '../factories'
import { formRequest, getRequest, makeSignedInProducer } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

// Free downloads for an email, through the routes on real PostgreSQL: the request, the emailed
// confirmation link, the frozen free license, unsubscribing, and the producer's list.

const audio = Buffer.alloc(2048, 5)

async function offeredBeat(title?: string) {
  const producer = await makeSignedInProducer()
  const made = await makeBeat({ producerId: producer.id, withFiles: false, ...(title ? { title } : {}) })
  const beat = await prisma.beat.findUniqueOrThrow({ where: { id: made.id }, select: { id: true, slug: true, title: true } })
  const key = beatFileKey(beat.id, 'PREVIEW')
  const stored = await getStorage().put(key, audio, { kind: 'PREVIEW', contentType: 'audio/mpeg' })
  await upsertBeatFile(beat.id, { kind: 'PREVIEW', storageKey: key, contentType: 'audio/mpeg', bytes: stored.bytes, sha256: stored.sha256 })
  const on = await run(() => studio.action(routeArgs(formRequest('/studio/free-downloads', { beatId: beat.id, offer: 'on' }, { cookie: producer.cookie }))))
  expect(on.status).toBe(200)
  return { producer, beat }
}

let ipCounter = 0
const freshIp = () => `198.51.100.${++ipCounter}`

function ask(slug: string, fields: Record<string, string>, ip = freshIp()) {
  return run(() => freeRequest.action(routeArgs(formRequest(`/free/${slug}`, fields), { slug }, ip)))
}

async function mailTo(email: string) {
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: email, kind: 'free-download-confirm' }, orderBy: { createdAt: 'desc' } })
  const token = mail.text.match(/http:\/\/store\.test\/free\/confirm\/([\w-]+)/)?.[1]
  return { mail, token: token! }
}

describe('free downloads for an email', () => {
  it('shows the form only on a beat that offers it, and refuses a request for one that does not', async () => {
    const { beat } = await offeredBeat()
    const page = await run(() => beatPage.loader(routeArgs(getRequest(`/beats/${beat.slug}`), { slug: beat.slug })))
    expect(page.data).toMatchObject({ beat: { freeDownload: true } })

    const plain = await makeBeat()
    const refused = await ask(plain.slug, { email: 'someone@example.test' })
    expect(refused.status).toBe(404)
    expect(String(refused.data)).toContain('not offered as a free download')
    expect(await prisma.freeDownload.count({ where: { beatId: plain.id } })).toBe(0)
  })

  it('gives the same answer for a known and an unknown address, and queues a confirmation with confirm and unsubscribe links', async () => {
    const { beat } = await offeredBeat()
    const first = await ask(beat.slug, { email: 'Fan@Example.test' })
    const again = await ask(beat.slug, { email: 'fan@example.test' })
    const unknown = await ask(beat.slug, { email: 'nobody-yet@example.test' })
    for (const answer of [first, again, unknown]) {
      expect(answer.status).toBe(200)
      expect(answer.data).toEqual({ sent: true, message: 'Check your inbox: we sent a link to confirm your address.', errors: { fieldErrors: {} } })
    }
    const rows = await prisma.freeDownload.findMany({ where: { beatId: beat.id }, select: { email: true, consent: true, confirmedAt: true } })
    expect(rows.map((r) => r.email).sort()).toEqual(['fan@example.test', 'fan@example.test', 'nobody-yet@example.test'])
    expect(rows.every((r) => r.consent === false && r.confirmedAt === null)).toBe(true)

    const { mail, token } = await mailTo('nobody-yet@example.test')
    expect(mail.text).toContain(`http://store.test/free/confirm/${token}`)
    expect(mail.text).toContain(`http://store.test/free/unsubscribe/${token}`)
    expect(mail.html).toContain(`/free/unsubscribe/${token}`)
    const stored = await prisma.freeDownload.findFirstOrThrow({ where: { email: 'nobody-yet@example.test' }, select: { tokenHash: true } })
    expect(stored.tokenHash).toBe(hashFreeToken(token))
  })

  it('refuses a bad address with a sentence, and answers 429 with a sentence once an address has asked too often', async () => {
    const { beat } = await offeredBeat()
    const bad = await ask(beat.slug, { email: 'not-an-email' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.data)).toContain('Enter a valid email address.')

    for (let i = 0; i < FREE_LIMITS.perEmail.points; i++) expect((await ask(beat.slug, { email: 'eager@example.test' })).status).toBe(200)
    const limited = await ask(beat.slug, { email: 'eager@example.test' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(JSON.stringify(limited.data)).toContain('Check your inbox, or try again in an hour.')
    expect(await prisma.freeDownload.count({ where: { email: 'eager@example.test' } })).toBe(FREE_LIMITS.perEmail.points)

    const ip = freshIp()
    for (let i = 0; i < FREE_LIMITS.perIp.points; i++) expect((await ask(beat.slug, { email: `ip-${i}@example.test` }, ip)).status).toBe(200)
    const ipLimited = await ask(beat.slug, { email: 'one-more@example.test' }, ip)
    expect(ipLimited.status).toBe(429)
    expect(JSON.stringify(ipLimited.data)).toContain('Too many free download requests from this connection')
  })

  it('confirms the address, records the consent given, freezes the free license and serves the tagged MP3', async () => {
    const { beat, producer } = await offeredBeat()
    expect((await ask(beat.slug, { email: 'listener@example.test', consent: 'on' })).status).toBe(200)
    const { token } = await mailTo('listener@example.test')

    const before = await run(() => file.loader(routeArgs(getRequest(`/free/file/${token}`), { token })))
    expect(before.status).toBe(404)

    const page = await run(() => confirm.loader(routeArgs(getRequest(`/free/confirm/${token}`), { token })))
    expect(page.status).toBe(200)
    const row = await prisma.freeDownload.findFirstOrThrow({ where: { email: 'listener@example.test' } })
    expect(row.consent).toBe(true)
    expect(row.confirmedAt).toBeInstanceOf(Date)
    expect(row.licenseText).toContain(`prod. by ${producer.displayName}`)
    expect(row.licenseText).toContain('non-profit')
    expect(row.licenseText).toContain(beat.title)
    expect(row.licenseSha256).toBe(contractSha256(row.licenseText!))

    // A second visit keeps the first confirmation and the license frozen then.
    await run(() => confirm.loader(routeArgs(getRequest(`/free/confirm/${token}`), { token })))
    const same = await prisma.freeDownload.findUniqueOrThrow({ where: { id: row.id } })
    expect(same.confirmedAt).toEqual(row.confirmedAt)
    expect(same.licenseSha256).toBe(row.licenseSha256)

    const mp3 = await run(() => file.loader(routeArgs(getRequest(`/free/file/${token}`), { token })))
    expect(mp3.status).toBe(200)
    expect(mp3.headers.get('Content-Disposition')).toContain('attachment')
    expect(Buffer.from(await mp3.response!.arrayBuffer())).toEqual(audio)

    const text = await run(() => license.loader(routeArgs(getRequest(`/free/license/${token}`), { token })))
    expect(String(text.data)).toContain(row.licenseSha256!)

    // The same frozen license as a PDF of its own, carrying the text and its hash.
    const pdf = await run(() => licensePdf.loader(routeArgs(getRequest(`/free/license/${token}.pdf`), { token })))
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    const plain = (await freeLicensePdf(token, { compress: false }))!
    const words = pdfText(plain.bytes)
    expect(words).toContain(`SHA-256 of the license text: ${row.licenseSha256}`)
    expect(words).toContain('Licensee: listener@example.test')
    expect(words).toContain('non-profit')
    const pdfBefore = await run(() => licensePdf.loader(routeArgs(getRequest('/free/license/nope.pdf'), { token: 'nope' })))
    expect(pdfBefore.status).toBe(404)

    const unknown = await run(() => confirm.loader(routeArgs(getRequest('/free/confirm/nope'), { token: 'nope' })))
    expect(unknown.status).toBe(404)
    expect(String(unknown.data)).toContain('This confirmation link is not valid.')
  })

  it('confirms once when the link is opened many times at once: one date, one frozen license', async () => {
    const { beat } = await offeredBeat()
    await ask(beat.slug, { email: 'racer@example.test' })
    const { token } = await mailTo('racer@example.test')
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => run(() => confirm.loader(routeArgs(getRequest(`/free/confirm/${token}`), { token })))),
    )
    expect(pages.map((p) => p.status)).toEqual(Array(10).fill(200))
    const row = await prisma.freeDownload.findFirstOrThrow({ where: { email: 'racer@example.test' } })
    // Every racer answers with the license the winner froze.
    expect(new Set(pages.map((p) => (p.data as { licenseSha256: string }).licenseSha256))).toEqual(new Set([row.licenseSha256]))
    expect(new Set(pages.map((p) => new Date((p.data as { confirmedAt: string | Date }).confirmedAt).getTime()))).toEqual(new Set([row.confirmedAt!.getTime()]))
  })

  it('unsubscribes from a link (a GET changes nothing), and the studio lists and exports every request', async () => {
    const { beat, producer } = await offeredBeat('=Night Drive')
    await ask(beat.slug, { email: 'subscriber@example.test', consent: 'on' })
    await ask(beat.slug, { email: 'other@example.test' })
    const { token } = await mailTo('subscriber@example.test')

    const page = await run(() => unsub.loader(routeArgs(getRequest(`/free/unsubscribe/${token}`), { token })))
    expect(page.data).toMatchObject({ unsubscribed: false })
    expect((await prisma.freeDownload.findFirstOrThrow({ where: { email: 'subscriber@example.test' } })).consent).toBe(true)

    const done = await run(() => unsub.action(routeArgs(formRequest(`/free/unsubscribe/${token}`, {}), { token })))
    expect(done.data).toMatchObject({ unsubscribed: true })
    const row = await prisma.freeDownload.findFirstOrThrow({ where: { email: 'subscriber@example.test' } })
    expect(row.consent).toBe(false)
    expect(row.unsubscribedAt).toBeInstanceOf(Date)

    const bogus = await run(() => unsub.action(routeArgs(formRequest('/free/unsubscribe/nope', {}), { token: 'nope' })))
    expect(bogus.status).toBe(404)

    const list = await run(() => studio.loader(routeArgs(getRequest('/studio/free-downloads', producer.cookie))))
    expect((list.data as { requests: unknown[] }).requests).toHaveLength(2)

    const sheet = await run(() => csv.loader(routeArgs(getRequest('/studio/free-downloads.csv', producer.cookie))))
    const lines = String(sheet.data).trim().split('\n')
    expect(lines[0]).toBe('email,beat,requested_at,consent,confirmed_at,unsubscribed_at')
    expect(lines).toHaveLength(3)
    expect(lines.find((l) => l.startsWith('subscriber@example.test'))).toMatch(/^subscriber@example\.test,'=Night Drive,[^,]+,no,,\d{4}-/)

    // Another producer sees none of it.
    const other = await makeSignedInProducer()
    const theirs = await run(() => csv.loader(routeArgs(getRequest('/studio/free-downloads.csv', other.cookie))))
    expect(String(theirs.data).trim().split('\n')).toHaveLength(1)
  })
})
