import { funnelRows, weightedPipeline, winRate } from '../lib/pipeline/funnel';
import { dueFollowUps } from '../lib/background/badge';
import { staleCount } from '../lib/pipeline/aggregates';
import { localDay } from '../lib/pipeline/time';
import type { PopupModel } from '../lib/ui/popup-model';
import { FunnelChart } from './FunnelChart';

/** The toolbar popup: the funnel at a glance. */
export function Popup({ model }: { model: PopupModel }) {
  const summary = model.summary.value;
  if (model.error.value) {
    return (
      <main class="ll-popup">
        <p role="alert">{model.error.value}</p>
      </main>
    );
  }
  if (!summary) return <main class="ll-popup" aria-busy="true" />;
  const { aggregates: agg, settings } = summary;
  if (agg.total === 0) {
    return (
      <main class="ll-popup">
        <h1>Leadline</h1>
        <p>Your pipeline is empty.</p>
        <p>Open someone's LinkedIn profile and press “Capture lead” in the Leadline sidebar, or open an email thread in Gmail.</p>
      </main>
    );
  }
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: settings.currency, maximumFractionDigits: 0 });
  const rate = winRate(agg, settings.stages);
  return (
    <main class="ll-popup">
      <h1>Leadline</h1>
      <FunnelChart rows={funnelRows(agg, settings.stages)} />
      <ul class="ll-stats">
        <li class="ll-hot">
          <strong>{agg.temperature.hot ?? 0}</strong> hot
        </li>
        <li class="ll-warm">
          <strong>{agg.temperature.warm ?? 0}</strong> warm
        </li>
        <li class="ll-cold">
          <strong>{agg.temperature.cold ?? 0}</strong> cold
        </li>
      </ul>
      <dl class="ll-figures">
        <dt>Follow-ups due</dt>
        <dd data-testid="due">{dueFollowUps(agg, localDay(new Date()))}</dd>
        <dt>Stale (rotting)</dt>
        <dd data-testid="stale">{staleCount(agg, settings.stages, localDay(new Date()))}</dd>
        <dt>Weighted pipeline</dt>
        <dd>{money.format(weightedPipeline(agg, settings.stages))}</dd>
        <dt>Win rate</dt>
        <dd>{rate === null ? '–' : `${Math.round(rate * 100)}%`}</dd>
        <dt>Leads</dt>
        <dd data-testid="total">{agg.total}</dd>
      </dl>
    </main>
  );
}
