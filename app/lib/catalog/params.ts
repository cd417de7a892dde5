import { z } from 'zod'

// The catalog's state lives in the URL (a filtered catalog is a link you can share). Parsing is
// lenient on purpose: junk values are dropped or clamped, never an error page.

export const PAGE_SIZE = 24
export const MAX_PAGE = 400
export const MAX_QUERY_LENGTH = 80
export const BPM_RANGE = { min: 40, max: 240 } as const
/** Price filters are whole dollars in the URL; the query compares cents. */
export const PRICE_RANGE = { min: 0, max: 10_000 } as const

export const SORTS = {
  newest: 'Newest',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  'bpm-asc': 'BPM: slow to fast',
  'bpm-desc': 'BPM: fast to slow',
} as const
export type CatalogSort = keyof typeof SORTS
const SORT_IDS = Object.keys(SORTS) as [CatalogSort, ...CatalogSort[]]

export interface CatalogParams {
  q: string
  genre: string
  mood: string
  key: string
  bpmMin: number | null
  bpmMax: number | null
  priceMin: number | null
  priceMax: number | null
  sort: CatalogSort
  page: number
}

export const DEFAULT_PARAMS: CatalogParams = {
  q: '',
  genre: '',
  mood: '',
  key: '',
  bpmMin: null,
  bpmMax: null,
  priceMin: null,
  priceMax: null,
  sort: 'newest',
  page: 1,
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n))

/** Free text: whitespace collapsed, control characters dropped, cut to a sane length. */
const text = (max: number) =>
  z
    .string()
    .transform((s) =>
      s
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, max)
        .trim(),
    )
    .catch('')

/** An integer clamped into [min, max]; anything that is not a finite number becomes null. */
const boundedInt = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .transform((s) => Number(s))
    .pipe(z.number().finite())
    .transform((n) => clamp(Math.round(n), min, max))
    .nullable()
    .catch(null)

const schema = z.object({
  q: text(MAX_QUERY_LENGTH),
  genre: text(60),
  mood: text(60),
  key: text(30),
  bpmMin: boundedInt(BPM_RANGE.min, BPM_RANGE.max),
  bpmMax: boundedInt(BPM_RANGE.min, BPM_RANGE.max),
  priceMin: boundedInt(PRICE_RANGE.min, PRICE_RANGE.max),
  priceMax: boundedInt(PRICE_RANGE.min, PRICE_RANGE.max),
  sort: z.enum(SORT_IDS).catch('newest'),
  page: boundedInt(1, MAX_PAGE).transform((n) => n ?? 1),
})

export function parseCatalogParams(search: URLSearchParams): CatalogParams {
  const raw: Record<string, string | null> = {}
  for (const field of Object.keys(DEFAULT_PARAMS)) raw[field] = search.get(field)
  // Missing keys arrive as null; turn them into '' so every field takes its fallback path.
  const parsed = schema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v ?? ''])))
  // A reversed range is a typo, not a wish for zero results.
  if (parsed.bpmMin !== null && parsed.bpmMax !== null && parsed.bpmMin > parsed.bpmMax) {
    ;[parsed.bpmMin, parsed.bpmMax] = [parsed.bpmMax, parsed.bpmMin]
  }
  if (parsed.priceMin !== null && parsed.priceMax !== null && parsed.priceMin > parsed.priceMax) {
    ;[parsed.priceMin, parsed.priceMax] = [parsed.priceMax, parsed.priceMin]
  }
  return parsed
}

/** The canonical query string: defaults left out, fixed key order. */
export function serializeCatalogParams(params: Partial<CatalogParams>): URLSearchParams {
  const full = { ...DEFAULT_PARAMS, ...params }
  const out = new URLSearchParams()
  for (const field of Object.keys(DEFAULT_PARAMS) as (keyof CatalogParams)[]) {
    const value = full[field]
    if (value === null || value === '' || value === DEFAULT_PARAMS[field]) continue
    out.set(field, String(value))
  }
  return out
}

export function catalogHref(params: Partial<CatalogParams>): string {
  const qs = serializeCatalogParams(params).toString()
  return qs ? `/?${qs}` : '/'
}

/** Whether anything narrows the list (for the empty state and the "clear filters" link). */
export function hasFilters(params: CatalogParams): boolean {
  return (
    params.q !== '' ||
    params.genre !== '' ||
    params.mood !== '' ||
    params.key !== '' ||
    params.bpmMin !== null ||
    params.bpmMax !== null ||
    params.priceMin !== null ||
    params.priceMax !== null
  )
}
