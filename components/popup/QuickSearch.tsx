import type { PopupModel } from '../../lib/ui/popup-model';
import { LeadSummaryList } from './LeadSummaryList';

/** Search by name, company or email, answering as you type. */
export function QuickSearch({ model }: { model: PopupModel }) {
  const results = model.results.value;
  return (
    <div class="ll-search">
      <input
        type="search"
        aria-label="Search leads"
        placeholder="Search name, company or email"
        value={model.query.value}
        onInput={(e) => void model.search((e.currentTarget as HTMLInputElement).value)}
      />
      {results &&
        (results.length === 0 ? (
          <p class="ll-muted">No lead matches.</p>
        ) : (
          <LeadSummaryList leads={results} label="Search results" onOpen={(l) => model.open(l)} />
        ))}
    </div>
  );
}
