import type { LeadRow } from '../../lib/messaging/protocol';
import { temperatureLabel } from '../../lib/i18n/labels';
import { formatDay, formatMoney, t } from '../../lib/i18n/i18n';

/** Temperature, deal value, next follow-up and the stale marker of a lead row. */
export function LeadRowBadges({ row, currency }: { row: LeadRow; currency: string }) {
  return (
    <span class="ll-badges">
      <span class={`ll-temp ll-temp-${row.temperature ?? 'none'}`}>{row.temperature ? temperatureLabel(row.temperature) : '–'}</span>
      {row.dealValue !== null && <span class="ll-value">{formatMoney(Math.round(row.dealValue), currency)}</span>}
      {row.nextFollowUpOn && <span class="ll-follow">↻ {formatDay(row.nextFollowUpOn)}</span>}
      {row.stale && (
        <span class="ll-stale-mark" title={t('stale_title')}>
          {t('stale_mark')}
        </span>
      )}
    </span>
  );
}
