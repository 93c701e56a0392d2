import type { Lead } from '../../lib/pipeline/model';
import { t } from '../../lib/i18n/i18n';

interface DuplicateOfferProps {
  duplicates: Lead[];
  busy: boolean;
  onLink: (leadId: string) => void;
}

/** Leads with the same name and company: offered for linking instead of capturing a second lead. */
export function DuplicateOffer({ duplicates, busy, onLink }: DuplicateOfferProps) {
  if (duplicates.length === 0) return null;
  return (
    <section class="ll-duplicates" aria-label={t('dup_offer_label')}>
      <p>{t('dup_offer_question')}</p>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <span>
              {d.name}
              {d.company ? ` · ${d.company}` : ''}
            </span>
            <button type="button" disabled={busy} onClick={() => onLink(d.id)}>
              {t('dup_offer_link')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
