import type { LeadRow } from '../../lib/messaging/protocol';

/** Temperature, deal value, next follow-up and the stale marker of a lead row. */
export function LeadRowBadges({ row, money }: { row: LeadRow; money: Intl.NumberFormat }) {
  return (
    <span class="ll-badges">
      <span class={`ll-temp ll-temp-${row.temperature ?? 'none'}`}>{row.temperature ?? '–'}</span>
      {row.dealValue !== null && <span class="ll-value">{money.format(row.dealValue)}</span>}
      {row.nextFollowUpOn && <span class="ll-follow">↻ {row.nextFollowUpOn}</span>}
      {row.stale && (
        <span class="ll-stale-mark" title="No touchpoint or stage change for longer than this stage's rotting days">
          stale
        </span>
      )}
    </span>
  );
}
