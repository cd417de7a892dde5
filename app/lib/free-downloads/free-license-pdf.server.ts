import { renderFreeLicensePdf } from '~/lib/pdf/free-license-pdf.server'
import { confirmedFreeDownload } from './free-download.server'

/** The confirmed free download's license as a PDF, or null when the token is unknown or unconfirmed. */
export async function freeLicensePdf(token: string, opts: { compress?: boolean } = {}) {
  const row = await confirmedFreeDownload(token)
  if (!row?.licenseText || !row.licenseSha256 || !row.confirmedAt) return null
  const bytes = await renderFreeLicensePdf(
    {
      beatTitle: row.beat.title,
      producerName: row.beat.producer.displayName,
      email: row.email,
      confirmedAt: row.confirmedAt,
      text: row.licenseText,
      sha256: row.licenseSha256,
    },
    opts,
  )
  return { bytes, slug: row.beat.slug }
}
