import type { FunnelRow } from '../../lib/pipeline/funnel';

const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/** One bar per stage: width by leads that reached it, with open-now count, conversion and leak. */
export function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.reached));
  const barHeight = 22;
  const gap = 6;
  const width = 200;
  return (
    <svg
      class="ll-funnel"
      role="img"
      aria-label="Funnel: leads that reached each stage"
      viewBox={`0 0 ${width + 130} ${rows.length * (barHeight + gap)}`}
      width="100%"
    >
      {rows.map((row, i) => {
        const w = Math.max(2, (row.reached / max) * width);
        const y = i * (barHeight + gap);
        return (
          <g key={row.stage.id}>
            <title>{`${row.stage.name}: ${row.open} open now, ${row.reached} reached, ${row.lost} lost here, ${percent(row.conversionToNext)} went on`}</title>
            <rect x={(width - w) / 2} y={y} width={w} height={barHeight} rx="4" class="ll-bar" />
            <text x={width / 2} y={y + barHeight / 2 + 4} text-anchor="middle" class="ll-bar-label">
              {row.reached}
            </text>
            <text x={width + 8} y={y + barHeight / 2 + 4} class="ll-stage-label">
              {`${row.stage.name} · ${row.open} now${row.lost ? ` · ${row.lost} lost` : ''}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
