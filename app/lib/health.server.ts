import { pingDatabase } from '~/models/database.server'

export async function checkDatabase(): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const start = performance.now()
  try {
    await pingDatabase()
    return { ok: true, latencyMs: Math.round(performance.now() - start) }
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - start), error: (error as Error).message }
  }
}
