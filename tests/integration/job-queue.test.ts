import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineJob, startQueue } from '~/lib/jobs/queue.server'
import { prisma } from '~/models/db.server'

// The queue's one promise: a job sent inside a transaction exists exactly when it commits, and a
// worker runs it.
const seen: string[] = []
const waiters: (() => void)[] = []
const echo = defineJob<{ word: string }>('test-echo', async ({ word }) => {
  seen.push(word)
  waiters.shift()?.()
})

let stop: () => Promise<void>
beforeAll(async () => {
  stop = await startQueue({ pollingIntervalSeconds: 0.5 })
})
afterAll(async () => {
  await stop()
})

describe('job queue', () => {
  it('runs a job sent inside a committed transaction, and never one from a rolled-back one', async () => {
    await prisma
      .$transaction(async (tx) => {
        await echo.sendIn(tx, { word: 'rolled-back' })
        throw new Error('abort')
      })
      .catch(() => {})
    const ran = new Promise<void>((resolve) => waiters.push(resolve))
    await prisma.$transaction(async (tx) => {
      await echo.sendIn(tx, { word: 'committed' })
    })
    await ran
    expect(seen).toEqual(['committed'])
  })

  it('sends a job with a given id once (the way to make a job idempotent at the source)', async () => {
    const id = '0b6a7f8e-2a41-4c57-9a43-6a3c1f0c9d11'
    const first = await echo.send({ word: 'a' }, { id, startAfter: 60 })
    const second = await echo.send({ word: 'a' }, { id, startAfter: 60 })
    expect(first).toMatch(/[0-9a-f-]{36}/)
    expect(second).toBeNull()
  })
})
