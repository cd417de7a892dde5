import { UNSAFE_ErrorResponseImpl as ErrorResponseImpl } from 'react-router'
import { describe, expect, it } from 'vitest'
import { describeRouteError } from './error-page'

describe('describeRouteError', () => {
  it("gives the store's 404 text for an unmatched URL after hydration, when the internal flag is gone", () => {
    const hydrated = new ErrorResponseImpl(404, 'Not Found', 'Error: No route matches URL "/no-such-page"', false)
    const page = describeRouteError(hydrated)
    expect(page.status).toBe(404)
    expect(page.message).not.toMatch(/No route matches|Error:/)
    expect(page.message).toMatch(/could not find that page/)
  })

  it('keeps a message written for people', () => {
    const own = new ErrorResponseImpl(404, 'Not Found', 'That beat is not on sale any more.', false)
    expect(describeRouteError(own).message).toBe('That beat is not on sale any more.')
  })
})
