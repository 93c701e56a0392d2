import { QUICK_LOGS } from '../../lib/ui/quick-logs';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';
import { t, textOf } from '../../lib/i18n/i18n';

/** One-click logging of a touchpoint, with an optional summary. Clicks queue; none is lost. */
export function LogActions({ card }: { card: LeadCardModel }) {
  return (
    <section class="ll-log" aria-label={t('log_section')}>
      <label>
        <span class="ll-sr">{t('log_summary_optional')}</span>
        <input
          placeholder={t('log_summary_optional')}
          value={card.summary.value}
          maxLength={2000}
          onInput={(e) => (card.summary.value = (e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <div class="ll-buttons">
        {QUICK_LOGS.map((kind) => (
          <button type="button" key={kind.id} onClick={() => void card.quickLog(kind)}>
            {t(kind.label)}
          </button>
        ))}
      </div>
      <p class="ll-result" role="status">
        {card.busy.value ? t('common_saving') : textOf(card.notice.value)}
      </p>
    </section>
  );
}
