import type { ComponentChildren } from 'preact';
import { CHART } from '../../lib/ui/chart-style';

/** The width of a per-stage chart, where its bars start (after the stage names), and its top (below the legend). */
export const STAGE_CHART = { width: 760, label: 150, bar: 360, top: 26 } as const;

/**
 * The frame of a chart with one row per stage: the SVG with its background and a two-entry legend
 * (a colour swatch and its words each), the rows drawn by the caller.
 */
export function InsightsStageChart({
  chart,
  labelledBy,
  height,
  legend,
  children,
}: {
  chart: string;
  labelledBy: string;
  height: number;
  legend: [{ color: string; label: string }, { color: string; label: string }];
  children: ComponentChildren;
}) {
  const { width, label } = STAGE_CHART;
  return (
    <svg
      class="ll-chart"
      data-chart={chart}
      role="img"
      aria-labelledby={labelledBy}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      font-family={CHART.font}
      font-size="13"
    >
      <rect x="0" y="0" width={width} height={height} fill={CHART.background} />
      {legend.map((entry, i) => (
        <g key={entry.label}>
          <rect x={label + i * 140} y="6" width="12" height="12" fill={entry.color} />
          <text x={label + i * 140 + 18} y="16" fill={CHART.muted} font-size="12">
            {entry.label}
          </text>
        </g>
      ))}
      {children}
    </svg>
  );
}
