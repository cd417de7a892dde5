import type { ReactNode } from 'react'

/** The centred card the sign-in, sign-up and password pages share. */
export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md py-6 sm:py-12">
      <p className="text-xs font-semibold uppercase tracking-widest text-accent">Producer studio</p>
      <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{title}</h1>
      {subtitle ? <p className="mt-2 text-sm text-muted">{subtitle}</p> : null}
      <div className="mt-6 rounded-2xl border border-line bg-panel p-5 shadow-xl shadow-black/20 sm:p-6">{children}</div>
      {footer ? <div className="mt-4 text-center text-sm text-muted">{footer}</div> : null}
    </div>
  )
}
