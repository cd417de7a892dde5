// Whether a license stands, from its line and its order. A refund ends it; an open dispute
// suspends it; an upgrade replaces it with the line that superseded it (still verifiable).

export type LicenseStatus = 'VALID' | 'SUPERSEDED' | 'REFUNDED' | 'DISPUTED'

export function licenseStatus(line: { lineStatus: string; orderStatus: string }, supersededBy?: string | null): LicenseStatus {
  if (line.lineStatus === 'REFUNDED' || line.orderStatus === 'REFUNDED') return 'REFUNDED'
  if (line.orderStatus === 'DISPUTED') return 'DISPUTED'
  if (supersededBy) return 'SUPERSEDED'
  return 'VALID'
}
