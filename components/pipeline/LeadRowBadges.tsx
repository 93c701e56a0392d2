import type { LeadRow } from '../../lib/messaging/protocol';
import { temperatureLabel } from '../../lib/i18n/labels';
import { formatDay, formatMoney, t } from '../../lib/i18n/i18n';
import { LATER, LOST } from '../../lib/pipeline/constants';

/**
 * What a board card says under the name: the temperature (open leads), why a lead was lost or
 * when a parked one comes back, the deal value, the next follow-up (overdue in red) and the stale
 * marker.
 */
export function LeadRowBadges({ row, currency, today }: { row: LeadRow; currency: string; today: string }) {
  return (
    <span class="ll-badges">
      {row.temperature && <span class={`ll-temp ll-temp-${row.temperature}`}>{temperatureLabel(row.temperature)}</span>}
      {row.stage === LOST && row.lost && <span class="ll-closed-note">{t('board_lost_because', { reason: row.lost.reason })}</span>}
      {row.stage === LATER && row.later && <span class="ll-closed-note">{t('board_back_on', { day: formatDay(row.later.reengageOn) })}</span>}
      {row.dealValue !== null && <span class="ll-value">{formatMoney(Math.round(row.dealValue), currency)}</span>}
      {row.nextFollowUpOn && <FollowUpDay day={row.nextFollowUpOn} today={today} />}
      {row.stale && (
        <span class="ll-stale-mark" title={t('stale_title')}>
          {t('stale_mark')}
        </span>
      )}
    </span>
  );
}

/** A follow-up day, marked (colour, and words for screen readers and the tooltip) when overdue or today. */
export function FollowUpDay({ day, today }: { day: string; today: string }) {
  const state = day < today ? 'overdue' : day === today ? 'today' : null;
  const title = state === 'overdue' ? t('followup_overdue_since', { day: formatDay(day) }) : state === 'today' ? t('followup_due_today') : formatDay(day);
  return (
    <span class={`ll-follow${state === 'overdue' ? ' ll-overdue' : state === 'today' ? ' ll-due-today' : ''}`} title={title}>
      ↻ {formatDay(day)}
      {state && <span class="ll-sr"> ({state === 'overdue' ? t('followup_overdue') : t('followup_due_today')})</span>}
    </span>
  );
}
