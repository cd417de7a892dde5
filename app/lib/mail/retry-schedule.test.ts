import { describe, expect, it } from 'vitest'
import { backoffMs, HEARTBEAT_MS, LEASE_MS, MAX_ATTEMPTS, RETRY_FOR_MS } from './retry-schedule'

const waitedBefore = (attempt: number) => Array.from({ length: attempt - 1 }, (_, i) => backoffMs(i + 1)).reduce((a, b) => a + b, 0)

describe('the mail retry schedule', () => {
  it('doubles from 10 s and caps at 15 minutes', () => {
    expect([1, 2, 3, 7, 8, 50].map(backoffMs)).toEqual([10_000, 20_000, 40_000, 640_000, 900_000, 900_000])
  })

  it('keeps retrying for at least three days, and not much longer', () => {
    expect(RETRY_FOR_MS).toBe(3 * 24 * 3600_000)
    // The last attempt comes at least 3 days after the first; the one before it does not.
    expect(waitedBefore(MAX_ATTEMPTS)).toBeGreaterThanOrEqual(RETRY_FOR_MS)
    expect(waitedBefore(MAX_ATTEMPTS - 1)).toBeLessThan(RETRY_FOR_MS)
    expect(MAX_ATTEMPTS).toBe(295)
  })

  it('retries a killed worker’s mail within a minute, and a live one renews its lease in time', () => {
    expect(LEASE_MS).toBeLessThanOrEqual(45_000)
    expect(HEARTBEAT_MS * 2).toBeLessThan(LEASE_MS)
  })
})
