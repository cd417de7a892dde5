/**
 * A setup the store cannot start with, and what to do about it, in one sentence. The start
 * scripts print the message alone (no stack trace) and exit 1.
 */
export class StartupProblem extends Error {
  override name = 'StartupProblem'
}
