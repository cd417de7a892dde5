import { useEffect, useRef } from 'react'
import { Link, useNavigate } from 'react-router'
import { BPM_RANGE, DEFAULT_PARAMS, hasFilters, PRICE_RANGE, SORTS, type CatalogParams } from '~/lib/catalog/params'

interface Props {
  params: CatalogParams
  facets: { genres: string[]; moods: string[]; keys: string[] }
}

// .field-label / .field-range live in app.css.
const label = 'field-label'

/**
 * A plain GET form (works without JavaScript). With JavaScript it navigates client-side, menus
 * submit on change, and each change is a history entry so the back button restores the results.
 */
export function FilterForm({ params, facets }: Props) {
  const navigate = useNavigate()
  const formRef = useRef<HTMLFormElement>(null)

  // After back/forward the URL changes under an already-mounted form: show its values.
  useEffect(() => {
    const form = formRef.current
    if (!form) return
    for (const [name, value] of Object.entries(params)) {
      const el = form.elements.namedItem(name)
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
        el.value = value === null || (name === 'sort' && value === 'newest') ? (name === 'sort' ? 'newest' : '') : String(value)
      }
    }
  }, [params])

  // A tidy URL: empty fields and the default sort left out (the loader clamps the rest).
  const go = (form: HTMLFormElement | null) => {
    if (!form) return
    const data = new URLSearchParams()
    for (const [k, v] of new FormData(form)) {
      const value = typeof v === 'string' ? v.trim() : ''
      if (value && !(k === 'sort' && value === DEFAULT_PARAMS.sort)) data.append(k, value)
    }
    const qs = data.toString()
    // Stay where the buyer is; the catalog brings the results into view on a phone (see showResults).
    void navigate(qs ? `/?${qs}` : '/', { preventScrollReset: true, state: { showResults: true } })
  }
  const autoSubmit = (e: React.ChangeEvent<HTMLSelectElement>) => go(e.currentTarget.form)

  const select = (name: 'genre' | 'mood' | 'key', title: string, options: string[]) => (
    <div>
      <label htmlFor={`f-${name}`} className={label}>
        {title}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={params[name]} onChange={autoSubmit} className="field">
        <option value="">Any {title.toLowerCase()}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        {params[name] && !options.includes(params[name]) ? <option value={params[name]}>{params[name]}</option> : null}
      </select>
    </div>
  )

  const range = (prefix: 'bpm' | 'price', title: string, bounds: { min: number; max: number }, unit: string) => (
    <fieldset>
      <legend className={label}>{title}</legend>
      <div className="flex items-center gap-1.5">
        <input
          type="number"
          name={`${prefix}Min`}
          aria-label={`Minimum ${unit}`}
          placeholder="min"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          defaultValue={params[`${prefix}Min`] ?? ''}
          className="field field-range"
        />
        <span aria-hidden="true" className="text-muted">
          –
        </span>
        <input
          type="number"
          name={`${prefix}Max`}
          aria-label={`Maximum ${unit}`}
          placeholder="max"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          defaultValue={params[`${prefix}Max`] ?? ''}
          className="field field-range"
        />
      </div>
    </fieldset>
  )

  return (
    <form
      ref={formRef}
      method="get"
      action="/"
      role="search"
      aria-label="Search and filter beats"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault()
        go(e.currentTarget)
      }}
    >
      <div className="flex gap-2">
        <label htmlFor="f-q" className="sr-only">
          Search beats
        </label>
        <div className="relative flex-1">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="pointer-events-none absolute left-3.5 top-1/2 size-5 -translate-y-1/2 text-muted" fill="none" stroke="currentColor" strokeWidth="2">
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" strokeLinecap="round" />
          </svg>
          <input
            id="f-q"
            type="search"
            name="q"
            defaultValue={params.q}
            maxLength={80}
            placeholder="Search titles, tags, producers…"
            className="field h-12 rounded-full pl-11 text-base"
          />
        </div>
        <button type="submit" className="h-12 rounded-full bg-accent px-6 font-bold text-accent-ink transition hover:bg-amber-300">
          Search
        </button>
      </div>
      {/* Phones: filters fold behind a toggle (a no-name checkbox, so it works without JS and is
          never submitted); open by default when a filter is active. */}
      <input
        id="f-toggle"
        type="checkbox"
        defaultChecked={hasFilters({ ...params, q: '' })}
        className="peer sr-only sm:hidden"
        aria-controls="f-panel"
      />
      <label
        htmlFor="f-toggle"
        className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-line px-4 py-1.5 text-sm font-semibold peer-focus-visible:outline-2 peer-focus-visible:outline-accent sm:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 6h16M7 12h10M10 18h4" />
        </svg>
        Filters and sort
      </label>
      <div id="f-panel" className="hidden grid-cols-2 gap-3 peer-checked:grid sm:grid sm:grid-cols-3 lg:grid-cols-6">
        {select('genre', 'Genre', facets.genres)}
        {select('mood', 'Mood', facets.moods)}
        {select('key', 'Key', facets.keys)}
        {range('bpm', 'BPM', BPM_RANGE, 'BPM')}
        {range('price', 'Price ($)', PRICE_RANGE, 'price in dollars')}
        <div>
          <label htmlFor="f-sort" className={label}>
            Sort
          </label>
          <select id="f-sort" name="sort" defaultValue={params.sort} onChange={autoSubmit} className="field">
            {Object.entries(SORTS).map(([id, text]) => (
              <option key={id} value={id}>
                {text}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="hidden items-center gap-4 text-sm peer-checked:flex sm:flex">
        <button type="submit" className="rounded-full border border-line px-4 py-1.5 font-semibold hover:border-zinc-500">
          Apply filters
        </button>
        {hasFilters(params) ? (
          <Link to="/" className="text-muted underline-offset-4 hover:text-zinc-100 hover:underline">
            Clear all
          </Link>
        ) : null}
      </div>
    </form>
  )
}
