import type { PopupModel } from '../../lib/ui/popup-model';
import { LeadSummaryList } from './LeadSummaryList';
import { t } from '../../lib/i18n/i18n';

/** Search by name, company or email, answering as you type. */
export function QuickSearch({ model }: { model: PopupModel }) {
  const results = model.results.value;
  return (
    <div class="ll-search">
      <input
        type="search"
        aria-label={t('search_label')}
        placeholder={t('search_placeholder')}
        value={model.query.value}
        onInput={(e) => void model.search((e.currentTarget as HTMLInputElement).value)}
      />
      {results &&
        (results.length === 0 ? (
          <p class="ll-muted">{t('search_no_match')}</p>
        ) : (
          <LeadSummaryList leads={results} label={t('search_results')} onOpen={(l) => model.open(l)} />
        ))}
    </div>
  );
}
