// Background work that runs inside the server process (the mail outbox worker lands here).
export function startBackgroundJobs(): () => Promise<void> {
  return async () => {}
}
