import { CONTRACT_VARIABLES, isContractVariable, type ContractValues, type ContractVariableName } from './variables'

// The template language: plain text, paragraphs separated by a blank line, a line starting with
// "# " is a section heading, and {{variable}} is replaced by its value. Nothing else is special, so
// a producer cannot write anything that runs or hides text. A template is checked when saved:
// every {{…}} must name a known variable, and text that looks like a placeholder left for someone
// to fill by hand ("BEAT NAME", "[Date]", "_____") is refused, because a buyer would receive it as is.

export const MAX_TEMPLATE_CHARS = 40_000

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g

/** Placeholders meant to be typed over by hand: brackets, blanks, CAPS names, date masks. */
const HAND_PLACEHOLDERS: RegExp[] = [
  /\[[^\]\n]{1,60}\]/g,
  /<[^<>\n]{1,60}>/g,
  /%[A-Za-z_ ]{2,40}%/g,
  /_{3,}/g,
  /\b(?:BEAT|SONG|TRACK|PRODUCER|ARTIST|BUYER|CUSTOMER|LICENSEE|LICENSOR|COMPANY|LEGAL|YOUR|FULL|STAGE|CLIENT)(?: (?:LEGAL|FULL|STAGE))? (?:NAME|TITLE)\b/g,
  /\b(?:X{3,}|TBD|TBA|INSERT(?: [A-Z]+)*)\b/g,
  /\b(?:DD|MM)\/(?:MM|DD)\/YY(?:YY)?\b|\bYYYY-MM-DD\b/g,
]

export interface TemplateCheck {
  ok: boolean
  /** One sentence per kind of problem, naming what is wrong. */
  problems: string[]
  /** The known variables the template uses, in first-use order. */
  used: ContractVariableName[]
}

export function checkTemplate(body: string): TemplateCheck {
  const problems: string[] = []
  const used: ContractVariableName[] = []
  const unknown: string[] = []
  for (const match of body.matchAll(VARIABLE)) {
    const name = match[1]!
    if (isContractVariable(name)) {
      if (!used.includes(name)) used.push(name)
    } else if (!unknown.includes(name)) unknown.push(name)
  }
  if (!body.trim()) problems.push('The contract is empty: write its text or restore the default.')
  if (body.length > MAX_TEMPLATE_CHARS)
    problems.push(`The contract is ${body.length.toLocaleString('en-US')} characters long; the most is ${MAX_TEMPLATE_CHARS.toLocaleString('en-US')}.`)
  if (unknown.length)
    problems.push(
      `${unknown.length === 1 ? 'This variable does not exist' : 'These variables do not exist'}: ${unknown
        .map((n) => `{{${n}}}${suggestion(n)}`)
        .join(', ')}. Use the variables listed beside the editor.`,
    )
  const withoutVariables = body.replace(VARIABLE, ' ')
  const broken = [...withoutVariables.matchAll(/\{+[^{}\n]{0,40}\}*|\}+/g)].map((m) => m[0].trim())
  if (broken.length) problems.push(`Unfinished variables (write them as {{name}}): ${quoteList(broken)}.`)
  const leftovers = handPlaceholders(withoutVariables)
  if (leftovers.length)
    problems.push(
      `Replace these placeholders, which buyers would receive as they are, with variables such as {{beat_title}} or with your own words: ${quoteList(leftovers)}.`,
    )
  return { ok: problems.length === 0, problems, used }
}

function handPlaceholders(text: string): string[] {
  const found: string[] = []
  for (const pattern of HAND_PLACEHOLDERS)
    for (const m of text.matchAll(pattern)) if (!found.includes(m[0])) found.push(m[0])
  return found
}

function quoteList(items: string[]): string {
  const shown = [...new Set(items)].slice(0, 8).map((s) => `“${s}”`)
  return items.length > 8 ? `${shown.join(', ')} and ${items.length - 8} more` : shown.join(', ')
}

// Names other stores and hand-written contracts use for the same thing.
const ALIASES: Record<string, string> = {
  beat_name: 'beat_title',
  song_name: 'beat_title',
  track_name: 'beat_title',
  artist_name: 'buyer_name',
  licensee_name: 'buyer_name',
  customer_name: 'buyer_name',
  licensor_name: 'producer_legal_name',
  price: 'price_paid',
  amount: 'price_paid',
  date: 'order_date',
  purchase_date: 'order_date',
  copies: 'distribution_copies',
  term: 'term_years',
  state: 'governing_law',
}

/** "did you mean" for a misspelt variable: a known alias, or the closest name within a few edits. */
function suggestion(name: string): string {
  let best: { name: string; distance: number } | null = null
  const normalized = name.toLowerCase().replace(/[\s-]+/g, '_')
  const alias = ALIASES[normalized]
  if (alias) return ` (did you mean {{${alias}}}?)`
  for (const v of CONTRACT_VARIABLES) {
    const d = editDistance(normalized, v.name)
    if (!best || d < best.distance) best = { name: v.name, distance: d }
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean {{${best.name}}}?)` : ''
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}

/**
 * Fills a checked template. Every variable must have a non-empty value: a contract never reads
 * "undefined" or a blank where a name belongs. Values are inserted literally (no second pass).
 */
export function renderTemplate(body: string, values: Partial<ContractValues>): string {
  const check = checkTemplate(body)
  if (!check.ok) throw new Error(`Contract template refused: ${check.problems.join(' ')}`)
  const missing = check.used.filter((name) => !values[name]?.trim())
  if (missing.length) throw new Error(`Contract values missing: ${missing.join(', ')}`)
  return body.replace(VARIABLE, (_, name: string) => values[name as ContractVariableName]!.trim())
}

/**
 * The studio's live preview: fills what it can and leaves anything unknown visible as written, so
 * the producer sees the contract while the check lists what would stop it being saved.
 */
export function previewTemplate(body: string, values: Partial<ContractValues>): string {
  return body.replace(VARIABLE, (whole, name: string) => (isContractVariable(name) && values[name]?.trim() ? values[name].trim() : whole))
}

export interface ContractBlock {
  kind: 'heading' | 'paragraph'
  text: string
}

/** A filled contract as headings and paragraphs, for the PDF and the preview. */
export function contractBlocks(text: string): ContractBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .flatMap((chunk): ContractBlock[] => {
      const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean)
      const blocks: ContractBlock[] = []
      let paragraph: string[] = []
      for (const line of lines) {
        if (line.startsWith('# ')) {
          if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') })
          paragraph = []
          blocks.push({ kind: 'heading', text: line.slice(2).trim() })
        } else paragraph.push(line)
      }
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') })
      return blocks
    })
}
