import type { FunnelRow } from '../../lib/pipeline/funnel';
import { stageLabel } from '../../lib/i18n/labels';
import { formatNumber, formatPercent, t } from '../../lib/i18n/i18n';

/**
 * About how wide a label is at the chart's 11px text, in its units: wide (CJK) characters a full
 * em, others a generous average. Labels differ in length by language; the chart makes room for
 * the longest rather than cut it off.
 */
function labelWidth(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 11 : 6.4;
  return units;
}

/** One bar per stage: width by leads that reached it, with open-now count, conversion and leak. */
export function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.reached));
  const barHeight = 22;
  const gap = 6;
  const width = 200;
  const labels = rows.map((row) =>
    [stageLabel(row.stage), t('funnel_open_now', { count: row.open }), row.lost ? t('funnel_lost_here', { count: row.lost }) : ''].filter(Boolean).join(' · '),
  );
  const labelArea = Math.max(122, ...labels.map(labelWidth));
  return (
    <figure class="ll-funnel-figure">
      <svg class="ll-funnel" role="img" aria-label={t('funnel_label')} viewBox={`0 0 ${width + 8 + labelArea} ${rows.length * (barHeight + gap)}`} width="100%">
        {rows.map((row, i) => {
          const w = Math.max(2, (row.reached / max) * width);
          const y = i * (barHeight + gap);
          const name = stageLabel(row.stage);
          const went = row.conversionToNext === null ? '–' : formatPercent(row.conversionToNext);
          return (
            <g key={row.stage.id}>
              <title>{t('funnel_row_detail', { stage: name, open: row.open, reached: row.reached, lost: row.lost, went })}</title>
              <rect x={(width - w) / 2} y={y} width={w} height={barHeight} rx="4" class="ll-bar" />
              <text x={width / 2} y={y + barHeight / 2 + 4} text-anchor="middle" class="ll-bar-label">
                {formatNumber(row.reached)}
              </text>
              <text x={width + 8} y={y + barHeight / 2 + 4} class="ll-stage-label">
                {labels[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="ll-funnel-legend">
        <span class="ll-legend-bar" aria-hidden="true" /> {t('funnel_legend_reached')} · {t('funnel_legend_now')}
      </figcaption>
    </figure>
  );
}
