import { QUICK_LOGS } from '../../lib/ui/quick-logs';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';

/** One-click logging of a touchpoint, with an optional summary. Clicks queue; none is lost. */
export function LogActions({ card }: { card: LeadCardModel }) {
  return (
    <section class="ll-log" aria-label="Log a touchpoint">
      <label>
        <span class="ll-sr">Summary (optional)</span>
        <input
          placeholder="Summary (optional)"
          value={card.summary.value}
          maxLength={2000}
          onInput={(e) => (card.summary.value = (e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <div class="ll-buttons">
        {QUICK_LOGS.map((kind) => (
          <button type="button" key={kind.id} onClick={() => void card.quickLog(kind)}>
            {kind.label}
          </button>
        ))}
      </div>
      <p class="ll-result" role="status">
        {card.busy.value ? 'Saving…' : card.notice.value}
      </p>
    </section>
  );
}
