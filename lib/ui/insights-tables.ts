/**
 * The Insights view's tables, cell by cell as shown: the table behind each chart, the CSV export
 * and the exported image all come from here, so they say the same thing.
 */
import Papa from 'papaparse';
import { t, tn } from '../i18n/i18n';
import type { Metric } from '../pipeline/formula';
import type { InsightsReady } from '../pipeline/insights';
import type { StageDef } from '../pipeline/model';
import { formatMetric, formatMonth, formulaLines, formatValue, NONE, sourceLabel, stageLabel } from './insights-format';

export type InsightsTableId = 'funnel' | 'time' | 'outcomes' | 'sources' | 'trend';

export interface InsightsTable {
  id: InsightsTableId;
  title: string;
  columns: string[];
  /** Which columns hold figures (aligned right). */
  numeric: boolean[];
  /** Cells as shown; the first of each row names it. */
  rows: string[][];
}

/** The outcome figures, each with its formula one click away. */
export const OUTCOME_FIGURES = [
  { id: 'winRate', label: () => t('insights_win_rate'), metric: (r: InsightsReady) => r.outcomes.winRate },
  { id: 'averageDeal', label: () => t('insights_average_deal'), metric: (r: InsightsReady) => r.outcomes.averageDeal },
  { id: 'medianDeal', label: () => t('insights_median_deal'), metric: (r: InsightsReady) => r.outcomes.medianDeal },
  { id: 'weightedPipeline', label: () => t('insights_weighted_pipeline'), metric: (r: InsightsReady) => r.outcomes.weightedPipeline },
  { id: 'salesVelocity', label: () => t('insights_sales_velocity'), metric: (r: InsightsReady) => r.outcomes.salesVelocity },
  { id: 'cycleMedian', label: () => t('insights_cycle_median'), metric: (r: InsightsReady) => r.cycle.medianDays },
  { id: 'cycleP80', label: () => t('insights_cycle_p80'), metric: (r: InsightsReady) => r.cycle.p80Days },
  { id: 'cycleAverage', label: () => t('insights_cycle_average'), metric: (r: InsightsReady) => r.cycle.averageDays },
] as const satisfies readonly { id: string; label: () => string; metric: (r: InsightsReady) => Metric }[];

/** The most common lost reasons of a stage, with how many gave each, and the rest as "other". */
export function reasonsText(stage: InsightsReady['funnel'][number]): string {
  const parts = stage.lostReasons.map((r) => t('insights_reason_count', { reason: r.reason, count: r.count }));
  if (stage.otherReasons > 0) parts.push(tn('insights_other_reasons', stage.otherReasons));
  return parts.length ? parts.join('; ') : NONE;
}

/** Every table of the view for one answer. */
export function insightsTables(r: InsightsReady, stages: StageDef[], currency: string): InsightsTable[] {
  const m = (metric: Metric | null) => formatMetric(metric, currency);
  const count = (n: number) => formatValue(n, 'count', currency);
  const stageNames = r.funnel.map((s) => stageLabel(s.stage, stages));
  const tables: InsightsTable[] = [
    {
      id: 'funnel',
      title: t('insights_funnel_title'),
      columns: [
        t('insights_stage'),
        t('insights_reached'),
        t('insights_open_now'),
        t('insights_conversion_to_next'),
        t('insights_cumulative'),
        t('insights_lost_here'),
        t('insights_lost_share'),
        t('insights_top_reasons'),
      ],
      numeric: [false, true, true, true, true, true, true, false],
      rows: r.funnel.map((s, i) => [
        stageNames[i]!,
        count(s.reached),
        count(s.open),
        m(s.conversionToNext),
        m(s.cumulative),
        count(s.lost),
        m(s.lostShare),
        reasonsText(s),
      ]),
    },
    {
      id: 'time',
      title: t('insights_time_title'),
      columns: [t('insights_stage'), t('insights_median_days'), t('insights_p80_days'), t('insights_completed_stays'), t('insights_stale_now')],
      numeric: [false, true, true, true, true],
      rows: r.funnel.map((s, i) => [stageNames[i]!, m(s.medianDays), m(s.p80Days), count(s.completedStays), count(s.stale)]),
    },
    {
      id: 'outcomes',
      title: t('insights_outcomes_title'),
      columns: [t('insights_figure'), t('insights_value'), t('insights_formula'), t('insights_with_figures')],
      numeric: [false, true, false, false],
      rows: [
        ...OUTCOME_FIGURES.map((f) => {
          const metric = f.metric(r);
          const lines = formulaLines(metric.formula, stages, currency);
          return [f.label(), m(metric), lines.names, lines.values];
        }),
        [t('insights_won'), count(r.outcomes.won), '', ''],
        [t('insights_lost'), count(r.outcomes.lost), '', ''],
        [t('insights_open_opportunities'), count(r.outcomes.openOpportunities), '', ''],
      ],
    },
  ];
  if (r.sources) {
    tables.push({
      id: 'sources',
      title: t('insights_sources_title'),
      columns: [t('insights_source'), t('insights_leads'), ...stageNames.map((stage) => t('insights_reached_stage', { stage })), t('insights_win_rate')],
      numeric: [false, true, ...stageNames.map(() => true), true],
      rows: r.sources.map((s) => [sourceLabel(s.source), count(s.leads), ...s.conversion.map(m), m(s.winRate)]),
    });
  }
  if (r.trend) {
    tables.push({
      id: 'trend',
      title: t('insights_trend_title'),
      columns: [
        t('insights_month'),
        t('insights_leads'),
        t('insights_conversion_to_won'),
        t('insights_win_rate'),
        t('insights_average_deal'),
        t('insights_cycle_average'),
        t('insights_weighted_pipeline'),
        t('insights_sales_velocity'),
      ],
      numeric: [false, true, true, true, true, true, true, true],
      rows: r.trend.map((p) => [
        formatMonth(p.month),
        count(p.leads),
        m(p.conversionToWon),
        m(p.outcomes.winRate),
        m(p.outcomes.averageDeal),
        m(p.cycle.averageDays),
        m(p.outcomes.weightedPipeline),
        m(p.outcomes.salesVelocity),
      ]),
    });
  }
  return tables;
}

/** Every table as one CSV file: each under a line with its title, a blank line between them. */
export function tablesToCsv(tables: InsightsTable[]): string {
  // escapeFormulae: lost reasons and tags are typed by people; none may run as a spreadsheet formula.
  return (
    tables
      .map((table) => `${Papa.unparse([[table.title]])}\r\n${Papa.unparse({ fields: table.columns, data: table.rows }, { escapeFormulae: true })}`)
      .join('\r\n\r\n') + '\r\n'
  );
}
