import type { PipelineModel } from '../../lib/ui/pipeline-model';

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
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: settings.currency, maximumFractionDigits: 0 });
  const num = (set: (n: number) => void) => (e: Event) => {
    const v = Number((e.currentTarget as HTMLInputElement).value);
    if (Number.isFinite(v) && v >= 0) set(v);
  };
  return (
    <section aria-label="Planner">
      <h2>Reverse funnel planner</h2>
      <div class="ll-filters">
        <label>
          Revenue target ({settings.currency}){' '}
          <input type="number" min="0" step="1000" value={planner.target.value} onInput={num((v) => (planner.target.value = v))} />
        </label>
        <label>
          Average deal ({settings.currency}){' '}
          <input type="number" min="1" step="100" value={planner.averageDeal.value} onInput={num((v) => (planner.averageDeal.value = v))} />
        </label>
        <span class="ll-muted">
          {measured.averageDeal === null ? 'No deal values yet: enter your average.' : `Measured: ${money.format(measured.averageDeal)}`}
        </span>
      </div>
      <table class="ll-table" aria-label="Plan">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Conversion to next</th>
            <th scope="col">Leads needed</th>
            <th scope="col">In pipeline (at or past)</th>
            <th scope="col">Gap</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.stage.id}>
              <th scope="row">{row.stage.name}</th>
              <td>
                {i < rows.length - 1 ? (
                  <label>
                    <input
                      type="number"
                      min="0"
                      max="100"
                      size={4}
                      aria-label={`Conversion from ${row.stage.name} to ${rows[i + 1]!.stage.name} (%)`}
                      value={rates[i]}
                      onInput={num((v) => planner.setRate(i, v))}
                    />
                    %{' '}
                    <span class="ll-muted">
                      {(measured.conversions[i] ?? null) === null ? '(not measured)' : `(measured ${Math.round(measured.conversions[i]! * 100)}%)`}
                    </span>
                  </label>
                ) : (
                  '—'
                )}
              </td>
              <td data-testid={`needed-${row.stage.id}`}>{row.needed === null ? 'unreachable at 0%' : row.needed.toLocaleString()}</td>
              <td>{row.inPipeline.toLocaleString()}</td>
              <td class={row.gap ? 'll-gap' : ''}>{row.gap === null ? '–' : row.gap === 0 ? 'covered' : row.gap.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
