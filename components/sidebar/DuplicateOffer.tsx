import type { Lead } from '../../lib/pipeline/model';

interface DuplicateOfferProps {
  duplicates: Lead[];
  busy: boolean;
  onLink: (leadId: string) => void;
}

/** Leads with the same name and company: offered for linking instead of capturing a second lead. */
export function DuplicateOffer({ duplicates, busy, onLink }: DuplicateOfferProps) {
  if (duplicates.length === 0) return null;
  return (
    <section class="ll-duplicates" aria-label="Possible duplicates">
      <p>Already in your pipeline?</p>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <span>
              {d.name}
              {d.company ? ` · ${d.company}` : ''}
            </span>
            <button type="button" disabled={busy} onClick={() => onLink(d.id)}>
              Same person: link
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
