import { rm } from 'node:fs/promises'
import path from 'node:path'

// Each run seeds ~200 MB of demo audio into its throwaway DATA_DIR; drop the files once the
// journeys are done (the server, still shutting down, only needs its database folder).
export default async function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR
  if (!dir) return
  await rm(path.join(dir, 'files'), { recursive: true, force: true })
}
