import { renderTemplate } from '~/lib/contracts/template'

// The free download's license: the tagged preview for non-profit use, with credit, nothing earned
// from it. Rendered by the contract renderer, so it is checked like any template and frozen (text
// and sha256) at confirmation like a paid license.

const FREE_LICENSE_TEMPLATE = `# Free download license

This license is granted by {{producer_name}} ("the Producer") through {{store_name}} to {{buyer_name}} ("the Licensee") for the beat "{{beat_title}}", on {{order_date}}.

# What you may do
The Licensee may use the tagged preview (MP3) of the beat for non-profit purposes only: practice, demos, and songs shared for free.

# What you may not do
No monetisation of any kind: no sales, no paid streaming, no ad revenue, no sync, no radio. The Licensee may not register the beat with a content ID system or resell or share the file itself. For any earning use, buy a paid license.

# Credit
Every use must credit the Producer as "{{credit_line}}".

# Ownership
The Producer keeps all rights in the beat. This license may not be transferred.`

export function renderFreeLicense(v: { producerName: string; email: string; beatTitle: string; date: Date; storeName?: string }): string {
  return renderTemplate(FREE_LICENSE_TEMPLATE, {
    producer_name: v.producerName,
    store_name: v.storeName ?? 'Beatstall',
    buyer_name: v.email,
    beat_title: v.beatTitle,
    order_date: v.date.toISOString().slice(0, 10),
    credit_line: `prod. by ${v.producerName}`,
  })
}
