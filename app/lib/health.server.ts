import { prisma } from './db.server'

export async function checkDatabase(): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const start = performance.now()
  try {
    await prisma.$queryRaw`SELECT 1`
    return { ok: true, latencyMs: Math.round(performance.now() - start) }
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - start), error: (error as Error).message }
  }
}
