import type { Period } from '../../lib/pipeline/aggregates';

const PERIODS: [Period, string][] = [
  ['month', 'This month'],
  ['quarter', 'This quarter'],
  ['all', 'All time'],
];

/** Which leads the funnel counts: those created this month, this quarter, or ever. */
export function PeriodFilter({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <label class="ll-period">
      <span class="ll-sr">Period</span>
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Period)}>
        {PERIODS.map(([p, label]) => (
          <option value={p} key={p}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
