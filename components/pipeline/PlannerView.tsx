import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { stageLabel } from '../../lib/i18n/labels';
import { formatMoney, formatNumber, formatPercent, t } from '../../lib/i18n/i18n';

/** Revenue target → wins → leads needed at each stage, against today's pipeline. */
export function PlannerView({ model }: { model: PipelineModel }) {
  const agg = model.aggregates.value;
  const settings = model.settings.value!;
  const stages = settings.stages;
  const planner = model.planner.value;
  if (!agg || !planner) return null;
  const { measured } = planner;
  const rates = planner.rates.value;
  const rows = planner.rows(agg, stages);
  const num = (set: (n: number) => void) => (e: Event) => {
    const v = Number((e.currentTarget as HTMLInputElement).value);
    if (Number.isFinite(v) && v >= 0) set(v);
  };
  return (
    <section aria-label={t('view_planner')}>
      <h2>{t('planner_title')}</h2>
      <div class="ll-filters">
        <label>
          {t('planner_target', { currency: settings.currency })}{' '}
          <input type="number" min="0" step="1000" value={planner.target.value} onInput={num((v) => (planner.target.value = v))} />
        </label>
        <label>
          {t('planner_average_deal', { currency: settings.currency })}{' '}
          <input type="number" min="1" step="100" value={planner.averageDeal.value} onInput={num((v) => (planner.averageDeal.value = v))} />
        </label>
        <span class="ll-muted">
          {measured.averageDeal === null
            ? t('planner_no_values')
            : t('planner_measured_deal', { amount: formatMoney(Math.round(measured.averageDeal), settings.currency) })}
        </span>
      </div>
      <table class="ll-table" aria-label={t('planner_plan')}>
        <thead>
          <tr>
            <th scope="col">{t('planner_col_stage')}</th>
            <th scope="col">{t('planner_col_conversion')}</th>
            <th scope="col">{t('planner_col_needed')}</th>
            <th scope="col">{t('planner_col_in_pipeline')}</th>
            <th scope="col">{t('planner_col_gap')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.stage.id}>
              <th scope="row">{stageLabel(row.stage)}</th>
              <td>
                {i < rows.length - 1 ? (
                  <label>
                    <input
                      type="number"
                      min="0"
                      max="100"
                      size={4}
                      aria-label={t('planner_conversion_input', { from: stageLabel(row.stage), to: stageLabel(rows[i + 1]!.stage) })}
                      value={rates[i]}
                      onInput={num((v) => planner.setRate(i, v))}
                    />
                    %{' '}
                    <span class="ll-muted">
                      {(measured.conversions[i] ?? null) === null
                        ? t('planner_not_measured')
                        : t('planner_measured_rate', { rate: formatPercent(measured.conversions[i]!) })}
                    </span>
                  </label>
                ) : (
                  '—'
                )}
              </td>
              <td data-testid={`needed-${row.stage.id}`}>{row.needed === null ? t('planner_unreachable') : formatNumber(row.needed)}</td>
              <td>{formatNumber(row.inPipeline)}</td>
              <td class={row.gap ? 'll-gap' : ''}>{row.gap === null ? '–' : row.gap === 0 ? t('planner_covered') : formatNumber(row.gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
