import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fieldError, firstError, formError, parseForm } from './form'

const schema = z
  .object({ email: z.email('Enter a valid email address.'), password: z.string().min(10, 'At least 10 characters.'), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match.' })

describe('the one form-error shape', () => {
  it('collects every message per field, and path-less issues as the form-level message', () => {
    const form = new FormData()
    form.set('email', 'nope')
    form.set('password', 'short')
    form.set('confirm', 'other')
    const result = parseForm(form, schema)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.fieldErrors.email).toEqual(['Enter a valid email address.'])
    expect(firstError(result.errors, 'password')).toBe('At least 10 characters.')
    expect(result.errors.formError).toBeUndefined()

    const root = parseForm({ items: [] }, z.object({ items: z.array(z.string()) }).refine((v) => v.items.length > 0, 'Your cart is empty.'))
    expect(root).toEqual({ ok: false, errors: { fieldErrors: {}, formError: 'Your cart is empty.' } })
  })

  it('keys nested fields by their dotted path and keeps repeated names as arrays', () => {
    const form = new FormData()
    form.append('tags', 'a')
    form.append('tags', 'b'.repeat(40))
    const result = parseForm(form, z.object({ tags: z.array(z.string().max(30, 'Keep tags under 31 characters.')) }))
    expect(result).toEqual({ ok: false, errors: { fieldErrors: { 'tags.1': ['Keep tags under 31 characters.'] } } })
  })

  it('builds form-level and single-field refusals in the same shape', () => {
    expect(formError('That email and password do not match.')).toEqual({ fieldErrors: {}, formError: 'That email and password do not match.' })
    expect(fieldError('email', 'An account with this email already exists.')).toEqual({ fieldErrors: { email: ['An account with this email already exists.'] } })
    expect(firstError(undefined, 'email')).toBeUndefined()
  })
})
