import { StartupProblem } from '~/lib/startup-problem'

/** For `.catch()` at start: a known setup problem is one line on stderr and exit 1; others rethrow. */
export function stopOnStartupProblem(error: unknown): never {
  if (!(error instanceof StartupProblem)) throw error
  console.error(`[beatstall] cannot start: ${error.message}`)
  process.exit(1)
}
