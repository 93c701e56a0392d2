import { t } from '../../lib/i18n/i18n';
import type { StageInsight } from '../../lib/pipeline/insights';
import type { StageDef } from '../../lib/pipeline/model';
import { CHART, fit } from '../../lib/ui/chart-style';
import { InsightsStageChart, STAGE_CHART } from './InsightsStageChart';
import { formatMetric, formatValue, stageLabel } from '../../lib/ui/insights-format';

const { label: LABEL, bar: BAR, top: TOP } = STAGE_CHART;
const ROW = 48;
const BAR_H = 30;

/**
 * The funnel: one centred bar per stage, as wide as the leads that reached it, its red end the
 * leads lost there; beside it, the share that went on to the next stage and what leaked.
 */
export function InsightsFunnelChart({
  funnel,
  stages,
  currency,
  labelledBy,
}: {
  funnel: StageInsight[];
  stages: StageDef[];
  currency: string;
  labelledBy: string;
}) {
  const max = Math.max(1, ...funnel.map((s) => s.reached));
  const height = TOP + funnel.length * ROW;
  const scale = (n: number) => (n / max) * BAR;
  return (
    <InsightsStageChart
      chart="funnel"
      labelledBy={labelledBy}
      height={height}
      legend={[
        { color: CHART.bar, label: t('insights_legend_reached') },
        { color: CHART.lost, label: t('insights_legend_lost') },
      ]}
    >
      {funnel.map((s, i) => {
        const name = stageLabel(s.stage, stages);
        const y = TOP + i * ROW + (ROW - BAR_H) / 2;
        const w = s.reached > 0 ? Math.max(2, scale(s.reached)) : 0;
        const x = LABEL + (BAR - w) / 2;
        const lostW = s.lost > 0 ? Math.max(2, Math.min(w, scale(s.lost))) : 0;
        const count = formatValue(s.reached, 'count', currency);
        const inside = w > 48;
        const next = s.conversionToNext;
        return (
          <g key={s.stage}>
            <title>{t('insights_funnel_row_title', { stage: name, reached: count, lost: formatValue(s.lost, 'count', currency) })}</title>
            <text x={LABEL - 10} y={y + BAR_H / 2 + 5} text-anchor="end" fill={CHART.text} font-weight="600">
              {fit(name, 18)}
            </text>
            {w === 0 ? (
              <line x1={LABEL} x2={LABEL + BAR} y1={y + BAR_H / 2} y2={y + BAR_H / 2} stroke={CHART.grid} stroke-dasharray="4 4" />
            ) : (
              <>
                <rect x={x} y={y} width={w} height={BAR_H} rx="4" fill={CHART.bar} />
                {lostW > 0 && <rect x={x + w - lostW} y={y} width={lostW} height={BAR_H} rx="4" fill={CHART.lost} />}
              </>
            )}
            <text
              x={inside ? LABEL + BAR / 2 : x + w + 6}
              y={y + BAR_H / 2 + 5}
              text-anchor={inside ? 'middle' : 'start'}
              fill={inside ? '#ffffff' : CHART.text}
              font-weight="700"
            >
              {count}
            </text>
            {next && (
              <text x={LABEL + BAR + 16} y={y + 12} fill={CHART.text}>
                {t('insights_go_on', { share: formatMetric(next, currency) })}
              </text>
            )}
            <text x={LABEL + BAR + 16} y={y + (next ? 28 : 20)} fill={s.lost > 0 ? CHART.lost : CHART.muted}>
              {s.lost > 0
                ? t('insights_leaked_here', { count: formatValue(s.lost, 'count', currency), share: formatMetric(s.lostShare, currency) })
                : t('insights_none_lost')}
            </text>
          </g>
        );
      })}
    </InsightsStageChart>
  );
}
