import { funnelRows, weightedPipeline, winRate } from '../../lib/pipeline/funnel';
import { sliceFor, staleCount } from '../../lib/pipeline/aggregates';
import { localDay } from '../../lib/pipeline/time';
import { pipelineUrl, type PopupModel } from '../../lib/ui/popup-model';
import { FunnelChart } from './FunnelChart';
import { LeadSummaryList } from './LeadSummaryList';
import { PeriodFilter } from './PeriodFilter';
import { QuickSearch } from './QuickSearch';
import { TemperatureSplit } from './TemperatureSplit';
import { t } from '../../lib/i18n/i18n';

/** The toolbar popup: the funnel at a glance. */
export function Popup({ model }: { model: PopupModel }) {
  const summary = model.summary.value;
  if (model.error.value && !summary) {
    return (
      <main class="ll-popup">
        <p role="alert">{model.error.value}</p>
      </main>
    );
  }
  if (!summary) return <main class="ll-popup" aria-busy="true" />;
  const { aggregates: agg, settings } = summary;
  // The Insights view for the period the popup shows.
  const insightsHash = `view=insights${model.period.value === 'all' ? '' : `&period=${model.period.value}`}`;
  const header = (
    <header class="ll-popup-header">
      <h1>Leadline</h1>
      <span class="ll-popup-links">
        <a
          href={pipelineUrl(insightsHash)}
          onClick={(e) => {
            e.preventDefault();
            void model.openUrl(pipelineUrl(insightsHash));
          }}
        >
          {t('popupInsights')}
        </a>
        <a
          href={pipelineUrl()}
          onClick={(e) => {
            e.preventDefault();
            void model.openUrl(pipelineUrl());
          }}
        >
          Open pipeline
        </a>
      </span>
    </header>
  );
  const today = localDay(new Date());
  const slice = sliceFor(agg, model.period.value, today);
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: settings.currency, maximumFractionDigits: 0 });
  const rate = winRate(slice, settings.stages);
  const due = model.due.value;
  return (
    <main class="ll-popup">
      {header}
      {agg.total === 0 && (
        <section class="ll-empty" aria-label="Getting started">
          <p>
            <strong>Your pipeline is empty.</strong> Open someone's LinkedIn profile and press “Capture lead” in the Leadline sidebar, or open an email thread
            in Gmail. Or import a CSV on the pipeline page.
          </p>
        </section>
      )}
      <QuickSearch model={model} />
      <div class="ll-row-between">
        <h2>Funnel</h2>
        <PeriodFilter value={model.period.value} onChange={(p) => (model.period.value = p)} />
      </div>
      <FunnelChart rows={funnelRows(slice, settings.stages)} />
      {slice.total === 0 && agg.total > 0 && <p class="ll-muted">No leads captured in this period.</p>}
      <TemperatureSplit counts={agg.temperature} onOpen={(t) => void model.openUrl(pipelineUrl(`temperature=${t}`))} />
      <h2>Follow-ups due{due ? ` (${due.length})` : ''}</h2>
      {due === null ? (
        <p class="ll-muted" aria-busy="true">
          …
        </p>
      ) : due.length === 0 ? (
        <p class="ll-muted">Nothing due today.</p>
      ) : (
        <LeadSummaryList leads={due} label="Follow-ups due" today={today} onOpen={(l) => model.open(l)} />
      )}
      <dl class="ll-figures">
        <dt>Stale (rotting)</dt>
        <dd data-testid="stale">{staleCount(agg, settings.stages, today)}</dd>
        <dt>Weighted pipeline</dt>
        <dd data-testid="weighted">{money.format(weightedPipeline(agg, settings.stages))}</dd>
        <dt>Win rate</dt>
        <dd>{rate === null ? '–' : `${Math.round(rate * 100)}%`}</dd>
        <dt>Leads</dt>
        <dd data-testid="total">{slice.total}</dd>
      </dl>
    </main>
  );
}
