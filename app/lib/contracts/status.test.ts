import { describe, expect, it } from 'vitest'
import { licenseStatus } from './status'

describe('licenseStatus', () => {
  it('is valid for an active line of a paid order', () => {
    expect(licenseStatus({ lineStatus: 'ACTIVE', orderStatus: 'PAID' })).toBe('VALID')
  })
  it('is superseded when an upgrade replaced the line', () => {
    expect(licenseStatus({ lineStatus: 'ACTIVE', orderStatus: 'PAID' }, 'b6c1…')).toBe('SUPERSEDED')
  })
  it('a refund wins over everything; a dispute over an upgrade', () => {
    expect(licenseStatus({ lineStatus: 'REFUNDED', orderStatus: 'PAID' }, 'x')).toBe('REFUNDED')
    expect(licenseStatus({ lineStatus: 'ACTIVE', orderStatus: 'REFUNDED' })).toBe('REFUNDED')
    expect(licenseStatus({ lineStatus: 'ACTIVE', orderStatus: 'DISPUTED' }, 'x')).toBe('DISPUTED')
  })
})
