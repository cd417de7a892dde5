// The contracts the store ships, one per license tier, used until a producer writes their own.
// Written for this store, modelled on the sections beat stores' lease and exclusive agreements
// carry: parties, grant, caps, term, credit, publishing, price, restrictions, termination. Keyed by
// the tier id as a string so a tier added to app/lib/tiers.ts picks up its text here by name; a
// tier without its own text falls back to the lease.

const PARTIES = `# Parties
This agreement is made on {{order_date}} between {{producer_legal_name}}, professionally known as {{producer_name}} (the "Producer"), and {{buyer_name}} (the "Licensee"), for the instrumental "{{beat_title}}" (the "Beat"). It is sold through {{store_name}} as order #{{order_number}}, license {{license_id}}.`

const LEASE_BODY = (grantExtra: string) => `${PARTIES}

# Grant of rights
The Producer grants the Licensee a non-exclusive, non-transferable license to record vocals over the Beat and to create one new song with it (the "New Song"), and to reproduce, distribute, stream and perform the New Song within the limits below. The Licensee receives these files: {{files}}.${grantExtra}

# Limits of use
The {{tier}} license allows, in total across every format and platform:
- distribution copies (physical copies, downloads and sales combined): {{distribution_copies}};
- audio streams on streaming services: {{streams}};
- music videos, which may be monetised: {{music_videos}};
- radio broadcasting: {{radio}}.
Live performances for profit or not are allowed. To go beyond these limits the Licensee buys a higher license for the Beat before reaching them.

# Term and territory
This license starts on {{order_date}} and lasts {{term_years}} years, until {{expiry_date}}. It applies {{territory}}.

# Credit
Wherever credits are shown (streaming services, video descriptions, liner notes, metadata), the Licensee credits the Producer as "{{credit_line}}".

# Publishing and ownership
The Producer keeps the copyright in the Beat. The writer's share and publishing of the New Song are divided {{publishing_split}}; each side registers and collects its own share. The Licensee owns the vocals and lyrics they add. The Licensee may not register the Beat, or the New Song's instrumental part, with a content identification system such as YouTube Content ID.

# Price
The Licensee paid {{price_paid}} for this license. It is paid in full; no royalties on sales are owed to the Producer beyond the publishing share above.

# Restrictions
The Licensee may not sell, lease, give away or share the Beat itself or its files, alone or in a beat pack, nor use it in more than one New Song, nor claim to have produced it. The Beat may not be used in content that is defamatory or that promotes hatred.

# Later licenses and exclusive rights
This license is non-exclusive: the Producer may keep licensing the Beat to others, and may later sell exclusive rights in it. If that happens, this license stays valid for its whole term and within its limits; the Licensee keeps every right granted here, and the exclusive buyer takes the Beat subject to it.

# Termination
If the Licensee breaks this agreement and does not put it right within 30 days of being told in writing, the Producer may end the license; the Licensee then stops distributing the New Song. A refund of the price, or a successful payment dispute, ends the license at once. Otherwise the license ends at the end of its term; copies lawfully distributed before then may stay available.

# Governing law
This agreement is governed by the laws of {{governing_law}}. It is the whole agreement between the parties about the Beat, and replaces anything said before it. The license can be checked at {{verify_url}}.`

const EXCLUSIVE = `${PARTIES}

# Grant of exclusive rights
The Producer grants the Licensee the exclusive right to use the Beat from {{order_date}} on: to record over it, to create any number of new songs with it, and to reproduce, distribute, stream, perform and broadcast them. From that date the Producer sells no further licenses for the Beat and takes it off sale. The Licensee receives these files: {{files}}.

# Limits of use
Distribution copies: {{distribution_copies}}. Audio streams: {{streams}}. Music videos: {{music_videos}}. Radio broadcasting: {{radio}}.

# Earlier licenses
Non-exclusive licenses sold before {{order_date}} stay valid for their own terms and limits. The Licensee takes the Beat subject to them and makes no claim against their holders.

# Term and territory
The exclusive rights start on {{order_date}} and last as long as the copyright in the Beat. They apply {{territory}}.

# Credit
Wherever credits are shown, the Licensee credits the Producer as "{{credit_line}}".

# Publishing and ownership
The Producer keeps the copyright in the Beat as a composition and remains its author. The writer's share and publishing of every song made with the Beat are divided {{publishing_split}}. The Licensee may register their songs, including with content identification systems, provided the Producer's share is declared.

# Price
The Licensee paid {{price_paid}} for these exclusive rights. It is paid in full; no royalties on sales are owed beyond the publishing share above.

# Restrictions
The Licensee may not resell or license the Beat itself as an instrumental, nor claim to have produced it.

# Termination
A refund of the price, or a successful payment dispute, ends these rights at once and returns them to the Producer. If the Licensee breaks this agreement and does not put it right within 30 days of being told in writing, the Producer may end it.

# Governing law
This agreement is governed by the laws of {{governing_law}}. It is the whole agreement between the parties about the Beat, and replaces anything said before it. The license can be checked at {{verify_url}}.`

export const DEFAULT_TEMPLATES: Partial<Record<string, string>> = {
  BASIC: LEASE_BODY(' The MP3 is for recording and release; it carries no producer tag.'),
  TRACKOUT: LEASE_BODY(' The separate tracks (stems) may be mixed and arranged for the New Song, but not released on their own.'),
  UNLIMITED: LEASE_BODY(' The separate tracks (stems) may be mixed and arranged for the New Song, but not released on their own.'),
  EXCLUSIVE,
}

export function defaultTemplateFor(tier: string): string {
  return DEFAULT_TEMPLATES[tier] ?? DEFAULT_TEMPLATES.BASIC!
}
