import type { Period } from '../../lib/pipeline/aggregates';
import { t, type MessageKey } from '../../lib/i18n/i18n';

const PERIODS: [Period, MessageKey][] = [
  ['month', 'period_month'],
  ['quarter', 'period_quarter'],
  ['all', 'period_all'],
];

/** Which leads the funnel counts: those created this month, this quarter, or ever. */
export function PeriodFilter({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <label class="ll-period">
      <span class="ll-sr">{t('period_label')}</span>
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Period)}>
        {PERIODS.map(([p, label]) => (
          <option value={p} key={p}>
            {t(label)}
          </option>
        ))}
      </select>
    </label>
  );
}
