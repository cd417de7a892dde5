import type { FormErrors } from '~/lib/form'

// The form-level message of any form's errors (field messages sit under their inputs). One
// component, so every form announces a refusal the same way (role="alert").

export function FormErrorsAlert({ errors, id }: { errors: FormErrors | null | undefined; id?: string }) {
  if (!errors?.formError) return null
  return (
    <div id={id} role="alert" className="rounded-lg border border-red-500/40 bg-red-500/10 px-3 py-2 text-sm text-red-200">
      {errors.formError}
    </div>
  )
}
