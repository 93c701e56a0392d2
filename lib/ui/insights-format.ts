/**
 * How the Insights view writes its figures and formulas in the UI language: a value that cannot
 * be computed (a division by zero, an empty distribution) is "—", never NaN.
 */
import { formatMoney, formatNumber, formatPercent, language, localeOf, t, tn, type MessageKey, type PluralKey } from '../i18n/i18n';
import { renderFormula, type Expr, type Metric, type Percentile, type Term, type TermId, type Unit } from '../pipeline/formula';
import type { InsightsPeriod } from '../pipeline/insights';
import type { LeadSource, StageDef } from '../pipeline/model';

export const NONE = '—';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A value in its unit: 75 %, $8,500, 31.5 days, $216 per day. */
export function formatValue(value: number | null | undefined, unit: Unit, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  switch (unit) {
    case 'ratio':
      return formatPercent(value);
    case 'money':
      return formatMoney(value >= 100 ? Math.round(value) : Math.round(value * 100) / 100, currency);
    case 'money-per-day':
      return t('insightsPerDay', { value: formatMoney(value >= 100 ? Math.round(value) : Math.round(value * 100) / 100, currency) });
    case 'days':
      return tn('insightsDays', round1(value));
    case 'count':
      return formatNumber(value);
  }
}

/** A metric's value, or "—". */
export const formatMetric = (m: Metric | null | undefined, currency: string): string => (m ? formatValue(m.value, m.unit, currency) : NONE);

/** The unit each formula term is counted in, for writing its value. */
const TERM_UNITS: Record<TermId, Unit> = {
  leads: 'count',
  reached: 'count',
  lost: 'count',
  won: 'count',
  'open-opportunities': 'count',
  'won-value-total': 'money',
  'won-with-value': 'count',
  'open-value': 'money',
  probability: 'ratio',
  'cycle-days-total': 'days',
  'won-with-cycle': 'count',
  'average-deal': 'money',
  'win-rate': 'ratio',
  'average-cycle-days': 'days',
};

const PERCENTILE_UNITS: Record<Percentile['of'], Unit> = { 'days-in-stage': 'days', 'cycle-days': 'days', 'won-value': 'money' };

// Catalogue keys allow letters, digits and "_" only (Chrome refuses to load others).
const TERM_KEYS = {
  leads: 'insightsTerm_leads',
  reached: 'insightsTerm_reached',
  lost: 'insightsTerm_lost',
  won: 'insightsTerm_won',
  'open-opportunities': 'insightsTerm_openOpportunities',
  'won-value-total': 'insightsTerm_wonValueTotal',
  'won-with-value': 'insightsTerm_wonWithValue',
  'open-value': 'insightsTerm_openValue',
  probability: 'insightsTerm_probability',
  'cycle-days-total': 'insightsTerm_cycleDaysTotal',
  'won-with-cycle': 'insightsTerm_wonWithCycle',
  'average-deal': 'insightsTerm_averageDeal',
  'win-rate': 'insightsTerm_winRate',
  'average-cycle-days': 'insightsTerm_averageCycleDays',
} as const satisfies Record<TermId, MessageKey>;

const DISTRIBUTION_KEYS = {
  'days-in-stage': 'insightsDistribution_daysInStage',
  'cycle-days': 'insightsDistribution_cycleDays',
  'won-value': 'insightsDistribution_wonValue',
} as const satisfies Record<Percentile['of'], PluralKey>;

/** The name of a stage id in the user's funnel (the id itself for a stage no longer there). */
export const stageLabel = (id: string, stages: StageDef[]) => stages.find((s) => s.id === id)?.name ?? id;

function leafName(leaf: Term | Percentile, stages: StageDef[]): string {
  const stage = leaf.stage === undefined ? '' : stageLabel(leaf.stage, stages);
  if (leaf.kind === 'term') return stage ? t('insightsTermOfStage', { term: t(TERM_KEYS[leaf.term]), stage }) : t(TERM_KEYS[leaf.term]);
  const what = tn(DISTRIBUTION_KEYS[leaf.of], leaf.count, { stage });
  // The kept percentiles are the median and the 80th (insights.ts).
  return leaf.p === 0.5 ? t('insightsMedianOf', { what }) : t('insightsP80Of', { what });
}

function leafValue(leaf: Term | Percentile, currency: string): string {
  const unit = leaf.kind === 'term' ? TERM_UNITS[leaf.term] : PERCENTILE_UNITS[leaf.of];
  return formatValue(leaf.value, unit, currency);
}

/** A formula in words (`won ÷ (won + lost)`) and with its figures plugged in (`2 ÷ (2 + 3)`). */
export function formulaLines(formula: Expr, stages: StageDef[], currency: string): { names: string; values: string } {
  return {
    names: renderFormula(formula, (leaf) => leafName(leaf, stages)),
    values: renderFormula(formula, (leaf) => leafValue(leaf, currency)),
  };
}

/** A lead source's name. */
export const sourceLabel = (source: LeadSource) => t(`insightsSource_${source}`);

/** A cohort month (YYYY-MM) as "Nov 2026" in the UI language. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(localeOf(language.value), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The period as the view's heading says it. */
export function periodLabel(period: InsightsPeriod): string {
  if (typeof period !== 'string') return t('insightsPeriodRange', { from: formatMonth(period.from), to: formatMonth(period.to) });
  return t(`insightsPeriod_${period}`);
}
