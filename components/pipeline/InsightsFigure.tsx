import { t } from '../../lib/i18n/i18n';
import type { Metric } from '../../lib/pipeline/formula';
import type { StageDef } from '../../lib/pipeline/model';
import { formatMetric, formulaLines } from '../../lib/ui/insights-format';
import type { InsightsModel } from '../../lib/ui/insights-model';

/** A headline figure with its formula one click away: in words, then with the figures plugged in. */
export function InsightsFigure({
  model,
  id,
  label,
  metric,
  stages,
  currency,
}: {
  model: InsightsModel;
  id: string;
  label: string;
  metric: Metric;
  stages: StageDef[];
  currency: string;
}) {
  const open = model.openFormulas.value.has(id);
  const value = formatMetric(metric, currency);
  const formulaId = `ll-formula-${id}`;
  const lines = open ? formulaLines(metric.formula, stages, currency) : null;
  return (
    <div class="ll-figure" data-figure={id}>
      <span class="ll-figure-label">{label}</span>
      <span class="ll-figure-value">{value}</span>
      <button
        type="button"
        class="ll-link-button"
        aria-expanded={open}
        aria-controls={formulaId}
        aria-label={t('insights_formula_for', { figure: label })}
        onClick={() => model.toggleFormula(id)}
      >
        {t('insights_formula')}
      </button>
      <div id={formulaId} class="ll-formula" hidden={!open}>
        {lines && (
          <>
            <p>{t('insights_formula_words', { figure: label, formula: lines.names })}</p>
            <p>{t('insights_formula_values', { formula: lines.values, value })}</p>
          </>
        )}
      </div>
    </div>
  );
}
