import { safeFilename } from '~/lib/downloads/filename'
import { renderLicensePdf } from './license-pdf.server'
import { getLicense } from './license.server'

// A line's license PDF as a file: for the order zip and the receipt's attachments.

export function licensePdfName(beatTitle: string, tierLabel: string): string {
  return `${safeFilename(beatTitle) || 'Beat'} (${tierLabel}) license.pdf`
}

export async function licensePdf(orderItemId: string): Promise<Buffer> {
  const license = await getLicense(orderItemId)
  if (!license) throw new Error(`No license for order line ${orderItemId}`)
  return renderLicensePdf(license)
}
