import { useState } from 'react'
import { Form, useNavigation } from 'react-router'
import { checkTemplate, contractBlocks, previewTemplate } from '~/lib/contracts/template'
import { CONTRACT_VARIABLES, type ContractValues } from '~/lib/contracts/variables'
import { buttonClass } from './fields'

// One tier's contract: the text on the left, the filled preview on the right, the variables below.
// The check runs as the producer types; the server runs the same check when they save.

export function ContractEditor({
  tier,
  label,
  body,
  isDefault,
  preview,
  serverError,
  saved,
}: {
  tier: string
  label: string
  body: string
  isDefault: boolean
  preview: ContractValues
  serverError?: string
  saved?: boolean
}) {
  const [text, setText] = useState(body)
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('tier') === tier
  const check = checkTemplate(text)
  const filled = previewTemplate(text, preview)
  const editorId = `contract-${tier}`
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="tier" value={tier} />
        <label htmlFor={editorId} className="block text-sm font-medium text-zinc-200">
          {label} contract {isDefault ? <span className="text-muted">(the store’s default)</span> : null}
        </label>
        <textarea
          id={editorId}
          name="body"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={24}
          spellCheck
          aria-invalid={check.ok && !serverError ? undefined : true}
          aria-describedby={`${editorId}-check`}
          className="block w-full rounded-lg border border-line bg-ink px-3 py-2 font-mono text-xs leading-relaxed text-white focus:border-accent focus:outline-none aria-[invalid=true]:border-red-400"
        />
        <div id={`${editorId}-check`} className="space-y-2">
          {serverError ? (
            <p role="alert" className="rounded-lg border border-red-500/40 bg-red-500/10 px-3 py-2 text-sm text-red-200">
              Not saved. {serverError}
            </p>
          ) : saved ? (
            <p role="status" className="rounded-lg border border-emerald-500/40 bg-emerald-500/10 px-3 py-2 text-sm text-emerald-200">
              Saved. New orders get this contract from now on; orders already placed keep theirs.
            </p>
          ) : null}
          {check.ok ? null : (
            <ul className="space-y-1 text-sm text-amber-200" aria-label="Problems to fix before saving">
              {check.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          {isDefault ? null : (
            <button type="submit" name="intent" value="restore" className={buttonClass.secondary} disabled={busy}>
              Restore the default
            </button>
          )}
          <button type="submit" name="intent" value="template" className={buttonClass.primary} disabled={busy}>
            {busy ? 'Saving…' : `Save ${label} contract`}
          </button>
        </div>
        <details className="rounded-lg border border-line p-3 text-sm">
          <summary className="cursor-pointer font-medium">Variables you can use</summary>
          <p className="mt-2 text-xs text-muted">
            Write a variable in double braces, e.g. {'{{beat_title}}'}. A line starting with “# ” is a section heading; a blank line
            starts a new paragraph; lines starting with “- ” are a list.
          </p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            {CONTRACT_VARIABLES.map((v) => (
              <div key={v.name} className="contents">
                <dt className="font-mono text-xs text-accent">{`{{${v.name}}}`}</dt>
                <dd className="text-xs text-muted">{v.description}</dd>
              </div>
            ))}
          </dl>
        </details>
      </Form>
      <section aria-labelledby={`${editorId}-preview`} className="rounded-2xl border border-line bg-white p-5 text-zinc-900">
        <h3 id={`${editorId}-preview`} className="text-xs font-semibold uppercase tracking-widest text-zinc-500">
          Preview with sample values
        </h3>
        <div className="mt-3 max-h-[40rem] space-y-2 overflow-y-auto pr-2 text-sm leading-relaxed" data-testid="contract-preview">
          {contractBlocks(filled).map((block, i) =>
            block.kind === 'heading' ? (
              <h4 key={i} className="pt-2 font-bold">
                {block.text}
              </h4>
            ) : (
              <p key={i} className="whitespace-pre-line">
                {block.text}
              </p>
            ),
          )}
        </div>
      </section>
    </div>
  )
}
