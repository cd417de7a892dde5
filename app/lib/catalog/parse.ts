import { z } from 'zod'
import { BPM_RANGE, DEFAULT_PARAMS, MAX_PAGE, MAX_QUERY_LENGTH, PRICE_RANGE, SORT_IDS, type CatalogParams } from './params'

// Lenient on purpose: junk values in the URL are dropped or clamped, never an error page.
// Kept out of params.ts so zod stays out of the browser bundle (the loader alone parses).

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

