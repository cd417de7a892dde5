import type { z } from 'zod'

// The one shape every form answers with when it refuses input, and the one parser that makes it:
// FormData → zod → either the data or messages per field plus, optionally, one for the whole form.

export interface FormErrors {
  /** Messages per field name (dotted for nested fields, e.g. `tiers.BASIC.price`). */
  fieldErrors: Record<string, string[]>
  /** A message about the form as a whole (wrong password, a rule the change breaks). */
  formError?: string
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors }

/** No errors: what a form shows before it is sent or after it succeeded. */
export const NO_ERRORS: FormErrors = { fieldErrors: {} }

/** The form-level message alone, for refusals that are not about one field. */
export function formError(message: string): FormErrors {
  return { fieldErrors: {}, formError: message }
}

/** One field's message, for refusals the schema cannot know about (an email already taken). */
export function fieldError(field: string, message: string): FormErrors {
  return { fieldErrors: { [field]: [message] } }
}

/** Turns a zod error into form errors; issues without a path become the form-level message. */
function formErrorsFromZod(error: z.ZodError): FormErrors {
  const errors: FormErrors = { fieldErrors: {} }
  for (const issue of error.issues) {
    if (!issue.path.length) {
      errors.formError ??= issue.message
      continue
    }
    const key = issue.path.map(String).join('.')
    const list = (errors.fieldErrors[key] ??= [])
    if (!list.includes(issue.message)) list.push(issue.message)
  }
  return errors
}

/** The first message for a field, as the inputs show one at a time. */
export function firstError(errors: FormErrors | undefined, field: string): string | undefined {
  return errors?.fieldErrors[field]?.[0]
}

/** Single-valued fields as an object; repeated names (e.g. tags) are kept as arrays. */
function formToObject(form: FormData): Record<string, unknown> {
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
  return { ok: false, errors: formErrorsFromZod(parsed.error) }
}
