import { CHART, fit } from '../../lib/ui/chart-style';

const W = 260;
const H = 120;
const PLOT = { left: 10, right: W - 10, top: 34, bottom: H - 24 };

export interface TrendSeries {
  id: string;
  title: string;
  /** One value per month, oldest first; null where it cannot be computed (a gap). */
  values: (number | null)[];
  format: (value: number | null) => string;
  /** Counts are bars; rates and amounts a line. */
  kind: 'bar' | 'line';
}

/** One headline figure month by month, small: its latest value large, the first and last month below. */
export function InsightsTrendChart({ series, months }: { series: TrendSeries; months: string[] }) {
  const { values, kind } = series;
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const n = values.length;
  const step = n > 0 ? (PLOT.right - PLOT.left) / n : 0;
  const x = (i: number) => PLOT.left + step * (i + 0.5);
  const y = (v: number) => PLOT.bottom - (max > 0 ? (v / max) * (PLOT.bottom - PLOT.top) : 0);
  const latest = [...values].reverse().find((v) => v !== null) ?? null;
  // Runs of months with a value, drawn as separate lines so a gap stays a gap.
  const runs: [number, number][][] = [];
  values.forEach((v, i) => {
    if (v === null) return;
    if (i === 0 || values[i - 1] === null) runs.push([]);
    runs.at(-1)!.push([x(i), y(v)]);
  });
  return (
    <svg
      class="ll-chart ll-chart-small"
      data-chart={`trend-${series.id}`}
      role="img"
      aria-label={`${series.title}: ${series.format(latest)}`}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      font-family={CHART.font}
      font-size="12"
    >
      <rect x="0" y="0" width={W} height={H} fill={CHART.background} stroke={CHART.grid} rx="6" />
      <text x="10" y="18" fill={CHART.muted} font-weight="600">
        {fit(series.title, 24)}
      </text>
      <text x={W - 10} y="18" text-anchor="end" fill={CHART.text} font-weight="700" font-size="14">
        {series.format(latest)}
      </text>
      <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} stroke={CHART.grid} />
      {kind === 'bar' &&
        values.map((v, i) =>
          v === null || v === 0 ? null : (
            <rect key={i} x={x(i) - Math.max(1, step * 0.35)} y={y(v)} width={Math.max(2, step * 0.7)} height={PLOT.bottom - y(v)} fill={CHART.bar}>
              <title>{`${months[i]}: ${series.format(v)}`}</title>
            </rect>
          ),
        )}
      {kind === 'line' &&
        runs.map((run, r) =>
          run.length === 1 ? (
            <circle key={r} cx={run[0]![0]} cy={run[0]![1]} r="3" fill={CHART.bar} />
          ) : (
            <polyline key={r} points={run.map((p) => p.join(',')).join(' ')} fill="none" stroke={CHART.bar} stroke-width="2" />
          ),
        )}
      {n > 0 && (
        <>
          <text x={PLOT.left} y={H - 8} fill={CHART.muted}>
            {months[0]}
          </text>
          {n > 1 && (
            <text x={PLOT.right} y={H - 8} text-anchor="end" fill={CHART.muted}>
              {months[n - 1]}
            </text>
          )}
        </>
      )}
    </svg>
  );
}
