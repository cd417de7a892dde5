import type { ReactNode } from 'react'
import { Form, useNavigation } from 'react-router'
import { buttonClass } from './fields'

/** A form posting one intent to the page's action, with a submit button that shows progress. */
export function IntentForm({ intent, submitLabel, children }: { intent: string; submitLabel: string; children: ReactNode }) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <div className="flex justify-end">
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </Form>
  )
}

/** A single-button form (publish, archive…). */
export function IntentButton({ intent, label, variant = 'secondary', confirm, disabled }: {
  intent: string
  label: string
  variant?: keyof typeof buttonClass
  confirm?: string
  disabled?: boolean
}) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault()
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={buttonClass[variant]} disabled={busy || disabled}>
        {label}
      </button>
    </Form>
  )
}
