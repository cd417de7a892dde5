interface Props {
  testMode: { payments: boolean; storage: boolean; mail: boolean }
}

/** Every stand-in for a paid service says so on screen. */
export function TestModeBanner({ testMode }: Props) {
  const parts = [
    testMode.payments && 'payments use a built-in test checkout (no real charges)',
    testMode.mail && 'email goes to a local development mailbox',
    testMode.storage && 'files are stored on local disk',
  ].filter(Boolean)
  if (!testMode.payments && !testMode.mail) return null
  return (
    <div role="note" className="bg-amber-300 px-4 py-1.5 text-center text-xs font-medium text-amber-950">
      <strong>Test mode:</strong> {parts.join(' · ')}.
      {testMode.mail ? (
        <>
          {' '}
          <a href="/dev/mailbox" className="underline underline-offset-2">
            Open the mailbox
          </a>
        </>
      ) : null}
    </div>
  )
}
