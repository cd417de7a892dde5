// Typed errors for domain code (app/lib, app/models). They say what went wrong in words a person
// understands; only the boundary (routes, via app/lib/http/errors.ts) turns them into HTTP answers.

export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** The thing asked for does not exist, or is not the caller's to see (a foreign id is "not found"). */
export class NotFoundError extends DomainError {}

/** The request is well formed but the current state forbids it (a live beat, an unpaid order). */
export class ConflictError extends DomainError {}

/** The thing existed but is over for good (an expired or revoked private link): a 410. */
export class GoneError extends DomainError {}

/** The caller may not do this, whatever the state. */
export class ForbiddenError extends DomainError {}

/** The request was refused for its content (e.g. an upload that belongs elsewhere or is too big). */
export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    /** What kind of refusal, so the boundary can choose a precise status. */
    readonly kind: 'invalid' | 'too-large' | 'unsupported' | 'unreadable' = 'invalid',
  ) {
    super(message)
  }
}

/** A budget (attempts, resends) is spent for now; the caller may retry after the given seconds. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message)
  }
}
