// The catalog's state lives in the URL (a filtered catalog is a link you can share). This module
// is browser-safe and small (no zod): parsing lives in ./parse.ts, used by the loader.

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
export const SORT_IDS = Object.keys(SORTS) as [CatalogSort, ...CatalogSort[]]

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

/** "1,204 beats", or "10,000+ beats" when the count stopped at its cap (formatted by the loader). */
export function resultCountLabel(total: number, capped: boolean): string {
  const count = capped ? `${(total - 1).toLocaleString('en-US')}+` : total.toLocaleString('en-US')
  return `${count} ${total === 1 ? 'beat' : 'beats'}`
}
