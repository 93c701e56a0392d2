/**
 * How the Insights view writes its figures and formulas in the UI language: a value that cannot
 * be computed (a division by zero, an empty distribution) is "—", never NaN.
 */
import { formatMoney, formatNumber, formatPercent, language, localeOf, t, tn, type MessageKey, type PluralKey } from '../i18n/i18n';
import { renderFormula, type Expr, type Metric, type Percentile, type Term, type TermId, type Unit } from '../pipeline/formula';
import type { InsightsPeriod } from '../pipeline/insights';
import type { StageDef } from '../pipeline/model';
import { stageLabel } from '../i18n/labels';

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
      return t('insights_per_day', { value: formatMoney(value >= 100 ? Math.round(value) : Math.round(value * 100) / 100, currency) });
    case 'days':
      return tn('insights_days', round1(value));
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
  leads: 'insights_term_leads',
  reached: 'insights_term_reached',
  lost: 'insights_term_lost',
  won: 'insights_term_won',
  'open-opportunities': 'insights_term_open_opportunities',
  'won-value-total': 'insights_term_won_value_total',
  'won-with-value': 'insights_term_won_with_value',
  'open-value': 'insights_term_open_value',
  probability: 'insights_term_probability',
  'cycle-days-total': 'insights_term_cycle_days_total',
  'won-with-cycle': 'insights_term_won_with_cycle',
  'average-deal': 'insights_term_average_deal',
  'win-rate': 'insights_term_win_rate',
  'average-cycle-days': 'insights_term_average_cycle_days',
} as const satisfies Record<TermId, MessageKey>;

const DISTRIBUTION_KEYS = {
  'days-in-stage': 'insights_distribution_days_in_stage',
  'cycle-days': 'insights_distribution_cycle_days',
  'won-value': 'insights_distribution_won_value',
} as const satisfies Record<Percentile['of'], PluralKey>;

function leafName(leaf: Term | Percentile, stages: StageDef[]): string {
  const stage = leaf.stage === undefined ? '' : stageLabel(leaf.stage, stages);
  if (leaf.kind === 'term') return stage ? t('insights_term_of_stage', { term: t(TERM_KEYS[leaf.term]), stage }) : t(TERM_KEYS[leaf.term]);
  const what = tn(DISTRIBUTION_KEYS[leaf.of], leaf.count, { stage });
  // The kept percentiles are the median and the 80th (insights.ts).
  return leaf.p === 0.5 ? t('insights_median_of', { what }) : t('insights_p80_of', { what });
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
export { sourceLabel } from '../i18n/labels';
export { stageLabel };

/** A cohort month (YYYY-MM) as "Nov 2026" in the UI language. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(localeOf(language.value), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

const PERIOD_KEYS: Record<Exclude<InsightsPeriod, object>, MessageKey> = {
  month: 'insights_period_month',
  quarter: 'insights_period_quarter',
  year: 'insights_period_year',
  all: 'insights_period_all',
};

/** The period as the view's heading and the period menu say it. */
export function periodLabel(period: InsightsPeriod): string {
  if (typeof period !== 'string') return t('insights_period_range', { from: formatMonth(period.from), to: formatMonth(period.to) });
  return t(PERIOD_KEYS[period]);
}
