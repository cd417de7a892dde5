/** Call in a test that expects console.error (e.g. a logged failure); otherwise it fails the test. */
export function expectConsoleError() {
  ;(globalThis as { __expectConsoleError?: boolean }).__expectConsoleError = true
}
