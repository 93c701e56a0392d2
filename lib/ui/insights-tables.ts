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
  { id: 'winRate', label: () => t('insightsWinRate'), metric: (r: InsightsReady) => r.outcomes.winRate },
  { id: 'averageDeal', label: () => t('insightsAverageDeal'), metric: (r: InsightsReady) => r.outcomes.averageDeal },
  { id: 'medianDeal', label: () => t('insightsMedianDeal'), metric: (r: InsightsReady) => r.outcomes.medianDeal },
  { id: 'weightedPipeline', label: () => t('insightsWeightedPipeline'), metric: (r: InsightsReady) => r.outcomes.weightedPipeline },
  { id: 'salesVelocity', label: () => t('insightsSalesVelocity'), metric: (r: InsightsReady) => r.outcomes.salesVelocity },
  { id: 'cycleMedian', label: () => t('insightsCycleMedian'), metric: (r: InsightsReady) => r.cycle.medianDays },
  { id: 'cycleP80', label: () => t('insightsCycleP80'), metric: (r: InsightsReady) => r.cycle.p80Days },
  { id: 'cycleAverage', label: () => t('insightsCycleAverage'), metric: (r: InsightsReady) => r.cycle.averageDays },
] as const satisfies readonly { id: string; label: () => string; metric: (r: InsightsReady) => Metric }[];

/** The most common lost reasons of a stage, with how many gave each, and the rest as "other". */
export function reasonsText(stage: InsightsReady['funnel'][number]): string {
  const parts = stage.lostReasons.map((r) => t('insightsReasonCount', { reason: r.reason, count: r.count }));
  if (stage.otherReasons > 0) parts.push(tn('insightsOtherReasons', stage.otherReasons));
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
      title: t('insightsFunnelTitle'),
      columns: [
        t('insightsStage'),
        t('insightsReached'),
        t('insightsOpenNow'),
        t('insightsConversionToNext'),
        t('insightsCumulative'),
        t('insightsLostHere'),
        t('insightsLostShare'),
        t('insightsTopReasons'),
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
      title: t('insightsTimeTitle'),
      columns: [t('insightsStage'), t('insightsMedianDays'), t('insightsP80Days'), t('insightsCompletedStays'), t('insightsStaleNow')],
      numeric: [false, true, true, true, true],
      rows: r.funnel.map((s, i) => [stageNames[i]!, m(s.medianDays), m(s.p80Days), count(s.completedStays), count(s.stale)]),
    },
    {
      id: 'outcomes',
      title: t('insightsOutcomesTitle'),
      columns: [t('insightsFigure'), t('insightsValue'), t('insightsFormula'), t('insightsWithFigures')],
      numeric: [false, true, false, false],
      rows: [
        ...OUTCOME_FIGURES.map((f) => {
          const metric = f.metric(r);
          const lines = formulaLines(metric.formula, stages, currency);
          return [f.label(), m(metric), lines.names, lines.values];
        }),
        [t('insightsWon'), count(r.outcomes.won), '', ''],
        [t('insightsLost'), count(r.outcomes.lost), '', ''],
        [t('insightsOpenOpportunities'), count(r.outcomes.openOpportunities), '', ''],
      ],
    },
  ];
  if (r.sources) {
    tables.push({
      id: 'sources',
      title: t('insightsSourcesTitle'),
      columns: [t('insightsSource'), t('insightsLeads'), ...stageNames.map((stage) => t('insightsReachedStage', { stage })), t('insightsWinRate')],
      numeric: [false, true, ...stageNames.map(() => true), true],
      rows: r.sources.map((s) => [sourceLabel(s.source), count(s.leads), ...s.conversion.map(m), m(s.winRate)]),
    });
  }
  if (r.trend) {
    tables.push({
      id: 'trend',
      title: t('insightsTrendTitle'),
      columns: [
        t('insightsMonth'),
        t('insightsLeads'),
        t('insightsConversionToWon'),
        t('insightsWinRate'),
        t('insightsAverageDeal'),
        t('insightsCycleAverage'),
        t('insightsWeightedPipeline'),
        t('insightsSalesVelocity'),
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
