import type { Tx } from './db.server'

// pg-boss runs its SQL through this when a job must be written by the caller's transaction.
export interface QueueConnection {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>
}

export function transactionQueueConnection(tx: Tx): QueueConnection {
  return {
    async executeSql(text, values) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values)
      return { rows }
    },
  }
}
