/** The periods the sales page offers, in days (the `range` query parameter). */
export const SALES_RANGES = { '7': 7, '30': 30, '90': 90, '365': 365 } as const
export type SalesRange = keyof typeof SALES_RANGES
