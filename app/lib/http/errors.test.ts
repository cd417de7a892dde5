import { describe, expect, it } from 'vitest'
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, RateLimitedError } from '~/lib/errors'
import { run } from '../../../tests/utils/route'
import { describeError, formFailure, invariantResponse, orResponse, rethrowAsResponse, toResponse } from './errors'

describe('typed errors → HTTP', () => {
  it.each([
    [new NotFoundError('We could not find that beat in your studio.'), 404],
    [new ConflictError('Unpublish the beat before deleting it.'), 409],
    [new ForbiddenError('Not yours.'), 403],
    [new InvalidInputError('That upload does not belong to this beat.'), 400],
    [new InvalidInputError('This file is larger than the 10 MB limit.', 'too-large'), 413],
    [new InvalidInputError('This should be a WAV file.', 'unsupported'), 415],
    [new InvalidInputError('The upload was cut off.', 'unreadable'), 422],
    [new RateLimitedError('Too many attempts.', 30), 429],
  ])('%s answers %i with its own message as plain text', async (error, status) => {
    expect(describeError(error)).toMatchObject({ status, message: error.message })
    const res = toResponse(error)
    expect(res.status).toBe(status)
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe(error.message)
  })

  it('a 429 always carries Retry-After in whole seconds, at least 1', () => {
    expect(toResponse(new RateLimitedError('Slow down.', 12.2)).headers.get('Retry-After')).toBe('13')
    expect(toResponse(new RateLimitedError('Slow down.', 0)).headers.get('Retry-After')).toBe('1')
  })

  it('leaves anything that is not a domain error alone (bugs stay 500s, responses pass through)', async () => {
    expect(describeError(new Error('boom'))).toBeNull()
    expect(() => rethrowAsResponse(new TypeError('boom'))).toThrow(TypeError)
    const redirect = new Response(null, { status: 302, headers: { Location: '/studio/login' } })
    await expect(orResponse(Promise.reject(redirect))).rejects.toBe(redirect)
    await expect(orResponse(Promise.resolve('ok'))).resolves.toBe('ok')
    const thrown = await run(() => orResponse(Promise.reject(new NotFoundError('No such sale.'))))
    expect(thrown).toMatchObject({ status: 404, data: 'No such sale.', thrown: true })
  })
})

describe('formFailure', () => {
  it('returns a refusal to the form in the one form-error shape, with its status and headers', async () => {
    const conflict = await run(() => formFailure(new ConflictError('Not ready to publish.'), { intent: 'publish', saved: false }))
    expect(conflict).toMatchObject({
      status: 409,
      thrown: false,
      data: { intent: 'publish', saved: false, errors: { fieldErrors: {}, formError: 'Not ready to publish.' } },
    })
    const limited = await run(() => formFailure(new RateLimitedError('Too many sign-in attempts.', 60), { email: 'a@b.test' }))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('60')
  })

  it('throws a missing record as a 404 page and rethrows anything else', async () => {
    const missing = await run(() => formFailure(new NotFoundError('We could not find that beat in your studio.'), {}))
    expect(missing).toMatchObject({ status: 404, thrown: true, data: 'We could not find that beat in your studio.' })
    expect(() => formFailure(new RangeError('bug'), {})).toThrow(RangeError)
  })
})

describe('invariantResponse', () => {
  it('throws a plain-text response with the given status when the condition fails', async () => {
    expect(() => invariantResponse(true, 'never')).not.toThrow()
    const answer = await run(() => invariantResponse(null, 'We could not find that order.', { status: 404 }))
    expect(answer).toMatchObject({ status: 404, thrown: true, data: 'We could not find that order.' })
    expect(answer.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
  })
})
