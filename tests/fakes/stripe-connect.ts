import { randomBytes } from 'node:crypto'

// Stripe Connect for the fake Stripe server (./stripe-server.ts): Express accounts, account links,
// transfers and their reversals, the PaymentIntent read that names a charge, shaped as stripe-node
// 23 reads them. Idempotency keys are honoured the way Stripe does: a key replays its first answer,
// a refusal included. Failure injection: the next transfers refused for insufficient balance or an
// account that is not enabled; or a transfer made and its answer never sent (a worker killed
// between Stripe's answer and its own commit).

type Params = { [key: string]: unknown }

interface FakeAccount {
  id: string
  object: 'account'
  type: 'express'
  email: string | null
  country: string
  details_submitted: boolean
  payouts_enabled: boolean
  charges_enabled: boolean
  capabilities: { transfers: 'active' | 'inactive' }
  metadata: Record<string, string>
  created: number
}

interface FakeTransfer {
  id: string
  object: 'transfer'
  amount: number
  amount_reversed: number
  currency: string
  destination: string
  transfer_group: string | null
  source_transaction: string | null
  metadata: Record<string, string>
  reversed: boolean
  reversals: { object: 'list'; data: FakeReversal[]; has_more: false; url: string }
  created: number
  livemode: false
}

interface FakeReversal {
  id: string
  object: 'transfer_reversal'
  amount: number
  currency: string
  transfer: string
  metadata: Record<string, string>
  created: number
}

type TransferFailure = 'insufficient_funds' | 'account_not_enabled'

interface Answer {
  status: number
  json: unknown
}

export interface FakeConnect {
  accounts: Map<string, FakeAccount>
  transfers: Map<string, FakeTransfer>
  /** Every transfer create request, replays included, with its idempotency key. */
  transferRequests: { key: string; params: Params }[]
  /** Marks the account as onboarded (details submitted, payouts enabled); returns it for an account.updated event. */
  enable: (accountId: string) => FakeAccount
  /** Refuses the next `n` transfer creations. */
  failTransfers: (failure: TransferFailure, n?: number) => void
  /** Makes transfers but never answers them until released (to kill the caller in between). */
  stallTransfers: (stall: boolean) => void
  /** Routes a request; null when the path is not Connect's. */
  handle: (method: string, path: string, params: Params, idempotencyKey: string) => Answer | null | 'stall'
}

const now = () => Math.floor(Date.now() / 1000)
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`

function bad(message: string, param?: string, code?: string): Answer {
  return { status: 400, json: { error: { type: 'invalid_request_error', message, param, code } } }
}

function int(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : NaN
  return Number.isInteger(n) ? n : null
}

export function createFakeConnect(): FakeConnect {
  const accounts = new Map<string, FakeAccount>()
  const transfers = new Map<string, FakeTransfer>()
  const transferRequests: { key: string; params: Params }[] = []
  const replays = new Map<string, Answer>()
  const failures: TransferFailure[] = []
  let stalled = false

  const idempotent = (key: string, run: () => Answer): Answer => {
    if (key && replays.has(key)) return replays.get(key)!
    const answer = run()
    // Stripe saves the first answer of a request that began executing (validation errors are not saved).
    if (key && (answer.status < 400 || (answer.json as { error?: { code?: string } }).error?.code)) replays.set(key, answer)
    return answer
  }

  function createTransfer(p: Params): Answer {
    const amount = int(p.amount)
    if (amount === null || amount < 1) return bad('Invalid positive integer', 'amount')
    if (typeof p.currency !== 'string') return bad('Missing required param: currency.', 'currency')
    const destination = typeof p.destination === 'string' ? accounts.get(p.destination) : undefined
    if (!destination) return bad(`No such destination: '${String(p.destination)}'`, 'destination')
    const failure = failures.shift()
    if (failure === 'insufficient_funds')
      return bad('You have insufficient available funds in your Stripe account.', undefined, 'balance_insufficient')
    if (failure === 'account_not_enabled' || destination.capabilities.transfers !== 'active')
      return bad(
        'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
        'destination',
        'insufficient_capabilities_for_transfer',
      )
    const transfer: FakeTransfer = {
      id: id('tr'),
      object: 'transfer',
      amount,
      amount_reversed: 0,
      currency: p.currency,
      destination: destination.id,
      transfer_group: typeof p.transfer_group === 'string' ? p.transfer_group : null,
      source_transaction: typeof p.source_transaction === 'string' ? p.source_transaction : null,
      metadata: (p.metadata ?? {}) as Record<string, string>,
      reversed: false,
      reversals: { object: 'list', data: [], has_more: false, url: '' },
      created: now(),
      livemode: false,
    }
    transfer.reversals.url = `/v1/transfers/${transfer.id}/reversals`
    transfers.set(transfer.id, transfer)
    return { status: 200, json: transfer }
  }

  function createReversal(transferId: string, p: Params): Answer {
    const transfer = transfers.get(transferId)
    if (!transfer) return { status: 404, json: { error: { type: 'invalid_request_error', message: `No such transfer: '${transferId}'` } } }
    const left = transfer.amount - transfer.amount_reversed
    const amount = p.amount === undefined ? left : int(p.amount)
    if (amount === null || amount < 1) return bad('Invalid positive integer', 'amount')
    if (amount > left) return bad(`Refund amount (${amount}) is greater than unrefunded amount on transfer (${left})`, 'amount')
    const reversal: FakeReversal = { id: id('trr'), object: 'transfer_reversal', amount, currency: transfer.currency, transfer: transfer.id, metadata: (p.metadata ?? {}) as Record<string, string>, created: now() }
    transfer.amount_reversed += amount
    transfer.reversed = transfer.amount_reversed === transfer.amount
    transfer.reversals.data.push(reversal)
    return { status: 200, json: reversal }
  }

  return {
    accounts,
    transfers,
    transferRequests,
    enable(accountId) {
      const account = accounts.get(accountId)
      if (!account) throw new Error(`no account ${accountId}`)
      Object.assign(account, { details_submitted: true, payouts_enabled: true, charges_enabled: true, capabilities: { transfers: 'active' } })
      return account
    },
    failTransfers(failure, n = 1) {
      for (let i = 0; i < n; i++) failures.push(failure)
    },
    stallTransfers(stall) {
      stalled = stall
    },
    handle(method, path, params, key) {
      if (method === 'POST' && path === '/v1/accounts') {
        return idempotent(key, () => {
          if (params.type !== 'express') return bad('This store creates Express accounts.', 'type')
          const account: FakeAccount = {
            id: id('acct'),
            object: 'account',
            type: 'express',
            email: typeof params.email === 'string' ? params.email : null,
            country: typeof params.country === 'string' ? params.country : 'US',
            details_submitted: false,
            payouts_enabled: false,
            charges_enabled: false,
            capabilities: { transfers: 'inactive' },
            metadata: (params.metadata ?? {}) as Record<string, string>,
            created: now(),
          }
          accounts.set(account.id, account)
          return { status: 200, json: account }
        })
      }
      const account = /^\/v1\/accounts\/([^/]+)$/.exec(path)
      if (method === 'GET' && account) {
        const found = accounts.get(decodeURIComponent(account[1]!))
        return found ? { status: 200, json: found } : { status: 404, json: { error: { type: 'invalid_request_error', message: `No such account: '${account[1]}'` } } }
      }
      if (method === 'POST' && path === '/v1/account_links') {
        if (typeof params.account !== 'string' || !accounts.has(params.account)) return bad('No such account.', 'account')
        for (const p of ['refresh_url', 'return_url'] as const)
          if (typeof params[p] !== 'string' || !/^https?:\/\//.test(params[p] as string)) return bad(`Missing required param: ${p}.`, p)
        if (params.type !== 'account_onboarding') return bad('Invalid type.', 'type')
        return { status: 200, json: { object: 'account_link', created: now(), expires_at: now() + 300, url: `https://connect.stripe.test/setup/e/${params.account}/${randomBytes(6).toString('hex')}` } }
      }
      if (method === 'POST' && path === '/v1/transfers') {
        transferRequests.push({ key, params })
        const answer = idempotent(key, () => createTransfer(params))
        return stalled && answer.status === 200 ? 'stall' : answer
      }
      const reversal = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(path)
      if (method === 'POST' && reversal) return idempotent(key, () => createReversal(decodeURIComponent(reversal[1]!), params))
      const intent = /^\/v1\/payment_intents\/([^/]+)$/.exec(path)
      if (method === 'GET' && intent) {
        const pi = decodeURIComponent(intent[1]!)
        return { status: 200, json: { id: pi, object: 'payment_intent', status: 'succeeded', latest_charge: `ch_${pi.replace(/^pi_/, '')}` } }
      }
      return null
    },
  }
}
