import type { z } from 'zod'

// Form parsing shared by the studio actions: FormData → zod → either data or one message per field.

export type FieldErrors = Record<string, string>

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** Single-valued fields as an object; repeated names (e.g. tags) are kept as arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === 'string')
    out[key] = values.length > 1 ? values : values[0]
  }
  return out
}

export function parseForm<S extends z.ZodType>(form: FormData | Record<string, unknown>, schema: S): FormResult<z.output<S>> {
  const input = form instanceof FormData ? formToObject(form) : form
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, data: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : 'form'
    errors[key] ??= issue.message
  }
  return { ok: false, errors }
}

/** A conflict thrown as `data(message, { status: 409 })` by a domain rule, for showing inline. */
export function conflictMessage(error: unknown): string | null {
  if (!error || typeof error !== 'object' || !('type' in error) || error.type !== 'DataWithResponseInit') return null
  const e = error as unknown as { data: unknown; init: { status?: number } | null }
  return e.init?.status === 409 && typeof e.data === 'string' ? e.data : null
}
