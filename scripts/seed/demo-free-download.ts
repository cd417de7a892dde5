import { offerFreeDownloadByTitle } from '~/models/free-download.server'

// The demo's free download, named in the README: Nova Reyes offers "Glass Halo" free for a
// confirmed email (the tagged preview, non-profit use with credit).

const DEMO_FREE_BEAT = 'Glass Halo'

export async function seedDemoFreeDownload(novaId: string) {
  await offerFreeDownloadByTitle(novaId, DEMO_FREE_BEAT)
}
