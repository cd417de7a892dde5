import { stringify } from 'csv-stringify/sync'
import { NotFoundError } from '~/lib/errors'
import { listFreeDownloadBeats, listFreeDownloads, setBeatFreeDownload } from '~/models/free-download.server'

// The producer's side of free downloads: which beats offer one, who asked, and the list as CSV.

export async function freeDownloadsPage(producerId: string) {
  const [beats, requests] = await Promise.all([listFreeDownloadBeats(producerId), listFreeDownloads(producerId)])
  return { beats, requests }
}

export async function offerFreeDownload(producerId: string, beatId: string, on: boolean) {
  if (!(await setBeatFreeDownload(producerId, beatId, on))) throw new NotFoundError('That beat is not in your studio.')
}

// Cells a spreadsheet would run as a formula (=, +, -, @ first) get a quote: they are user input.
const cell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

export async function freeDownloadsCsv(producerId: string): Promise<string> {
  const rows = await listFreeDownloads(producerId)
  return stringify(
    rows.map((r) => [
      cell(r.email),
      cell(r.beat.title),
      r.requestedAt.toISOString(),
      r.consent ? 'yes' : 'no',
      r.confirmedAt?.toISOString() ?? '',
      r.unsubscribedAt?.toISOString() ?? '',
    ]),
    { header: true, columns: ['email', 'beat', 'requested_at', 'consent', 'confirmed_at', 'unsubscribed_at'] },
  )
}
