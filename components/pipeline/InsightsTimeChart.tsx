import { t } from '../../lib/i18n/i18n';
import type { StageInsight } from '../../lib/pipeline/insights';
import type { StageDef } from '../../lib/pipeline/model';
import { CHART, fit } from '../../lib/ui/chart-style';
import { InsightsStageChart, STAGE_CHART } from './InsightsStageChart';
import { formatMetric, stageLabel } from '../../lib/ui/insights-format';

const { label: LABEL, bar: BAR, top: TOP } = STAGE_CHART;
const ROW = 34;
const BAR_H = 18;

/** Days in each stage: the median as a dark bar, the 80th percentile as its light extension. */
export function InsightsTimeChart({
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
  const max = Math.max(1, ...funnel.map((s) => s.p80Days.value ?? 0));
  const height = TOP + funnel.length * ROW;
  const scale = (days: number) => Math.max(2, (days / max) * BAR);
  return (
    <InsightsStageChart
      chart="time"
      labelledBy={labelledBy}
      height={height}
      legend={[
        { color: CHART.bar, label: t('insights_legend_median') },
        { color: CHART.barLight, label: t('insights_legend_p80') },
      ]}
    >
      {funnel.map((s, i) => {
        const name = stageLabel(s.stage, stages);
        const y = TOP + i * ROW + (ROW - BAR_H) / 2;
        const median = s.medianDays.value;
        const p80 = s.p80Days.value;
        const label =
          median === null
            ? t('insights_no_completed_stays')
            : t('insights_median_and_p80', { median: formatMetric(s.medianDays, currency), p80: formatMetric(s.p80Days, currency) });
        return (
          <g key={s.stage}>
            <title>{`${name}: ${label}`}</title>
            <text x={LABEL - 10} y={y + BAR_H / 2 + 5} text-anchor="end" fill={CHART.text} font-weight="600">
              {fit(name, 18)}
            </text>
            {p80 !== null && <rect x={LABEL} y={y} width={scale(p80)} height={BAR_H} rx="3" fill={CHART.barLight} />}
            {median !== null && <rect x={LABEL} y={y} width={scale(median)} height={BAR_H} rx="3" fill={CHART.bar} />}
            <text x={LABEL + (p80 === null ? 0 : scale(p80)) + 8} y={y + BAR_H / 2 + 5} fill={median === null ? CHART.muted : CHART.text}>
              {label}
            </text>
          </g>
        );
      })}
    </InsightsStageChart>
  );
}
