// The words a producer can put in a contract template, as {{name}}. Each has a sentence saying what
// it becomes and a sample value for the studio preview. Some are known only once the order exists
// or is paid (the license id, the buyer's name); they are filled when the payment completes.

export interface ContractVariable {
  name: string
  description: string
  sample: string
  /** Known only when the payment completes (the order, its number and the buyer). */
  atPayment?: true
}

export const CONTRACT_VARIABLES = [
  { name: 'beat_title', description: 'The beat’s title', sample: 'Midnight Drive' },
  { name: 'producer_name', description: 'Your name as shown in the store', sample: 'Nova Beats' },
  { name: 'producer_legal_name', description: 'Your legal name (settings below)', sample: 'Nora Valdez' },
  { name: 'buyer_name', description: 'The buyer’s name, as given at payment (“the buyer of order #…” if they gave none)', sample: 'Jordan Reyes', atPayment: true },
  { name: 'tier', description: 'The license’s name, e.g. Basic', sample: 'Basic' },
  { name: 'files', description: 'The files the license includes', sample: 'MP3' },
  { name: 'distribution_copies', description: 'Distribution copies allowed ("unlimited" if no cap)', sample: '2,500' },
  { name: 'streams', description: 'Audio streams allowed ("unlimited" if no cap)', sample: '100,000' },
  { name: 'music_videos', description: 'Music videos allowed ("unlimited" if no cap)', sample: '1' },
  { name: 'radio', description: 'Whether radio broadcasting is allowed: "allowed" or "not allowed"', sample: 'not allowed' },
  { name: 'price_paid', description: 'What the buyer paid for this license, with currency', sample: '$25.00' },
  { name: 'order_date', description: 'The date the payment completed (the contract’s effective date)', sample: '2026-12-02', atPayment: true },
  { name: 'term_years', description: 'How many years a lease lasts (settings below)', sample: '10' },
  { name: 'expiry_date', description: 'The order date plus the term', sample: '2036-12-02', atPayment: true },
  { name: 'territory', description: 'Where the rights apply (settings below)', sample: 'worldwide' },
  { name: 'credit_line', description: 'The credit the buyer must give, e.g. "prod. by Nova Beats"', sample: 'prod. by Nova Beats' },
  { name: 'publishing_split', description: 'Who keeps what share of the publishing', sample: '50% to the Producer and 50% to the Licensee' },
  { name: 'producer_publishing_share', description: 'Your share of the publishing, e.g. "50%"', sample: '50%' },
  { name: 'governing_law', description: 'Whose law governs the contract (settings below)', sample: 'the State of New York, United States' },
  { name: 'license_id', description: 'The license’s id (printed on the PDF and its verification page)', sample: '3f6c2a1e-8d4b-4c1a-9a57-2b8e1d0c7f42', atPayment: true },
  { name: 'order_number', description: 'The order’s number', sample: '1042', atPayment: true },
  { name: 'verify_url', description: 'The public page that verifies this license', sample: 'https://beats.example/licenses/3f6c2a1e-8d4b-4c1a-9a57-2b8e1d0c7f42', atPayment: true },
  { name: 'store_name', description: 'The store that sold the license', sample: 'Beatstall' },
] as const satisfies readonly ContractVariable[]

export type ContractVariableName = (typeof CONTRACT_VARIABLES)[number]['name']

export type ContractValues = Record<ContractVariableName, string>

/** Filled when the payment completes; everything else is frozen when checkout starts. */
export type PaymentValueName = Extract<(typeof CONTRACT_VARIABLES)[number], { atPayment: true }>['name']

export const PAYMENT_VARIABLE_NAMES = CONTRACT_VARIABLES.filter((v) => 'atPayment' in v).map((v) => v.name) as PaymentValueName[]

export const SAMPLE_VALUES = Object.fromEntries(CONTRACT_VARIABLES.map((v) => [v.name, v.sample])) as ContractValues

const NAMES: ReadonlySet<string> = new Set(CONTRACT_VARIABLES.map((v) => v.name))

export function isContractVariable(name: string): name is ContractVariableName {
  return NAMES.has(name)
}
