import { funnelRows, weightedPipeline, winRate } from '../../lib/pipeline/funnel';
import { sliceFor, staleCount } from '../../lib/pipeline/aggregates';
import { localDay } from '../../lib/pipeline/time';
import { pipelineUrl, type PopupModel } from '../../lib/ui/popup-model';
import { SettingsProblem } from '../shared/SettingsProblem';
import { formatDateTime, formatMoney, formatNumber, formatPercent, t, textOf } from '../../lib/i18n/i18n';
import { problemOf } from '../../lib/ui/sync-model';
import { FunnelChart } from './FunnelChart';
import { LeadSummaryList } from './LeadSummaryList';
import { PeriodFilter } from './PeriodFilter';
import { QuickSearch } from './QuickSearch';
import { TemperatureSplit } from './TemperatureSplit';

/** The toolbar popup: the funnel at a glance. */
export function Popup({ model }: { model: PopupModel }) {
  const summary = model.summary.value;
  if (model.error.value && !summary) {
    return (
      <main class="ll-popup">
        <p role="alert">{textOf(model.error.value)}</p>
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
          {t('popup_insights')}
        </a>
        <a
          href={pipelineUrl()}
          onClick={(e) => {
            e.preventDefault();
            void model.openUrl(pipelineUrl());
          }}
        >
          {t('popup_open_pipeline')}
        </a>
      </span>
    </header>
  );
  const today = localDay(new Date());
  const slice = sliceFor(agg, model.period.value, today);
  const rate = winRate(slice, settings.stages);
  const due = model.due.value;
  const sync = model.sync.value;
  const syncProblem = problemOf(sync);
  return (
    <main class="ll-popup">
      {header}
      <SettingsProblem problem={summary.settingsProblem} />
      {sync?.enabled && (
        <p class={`ll-sync-mark${syncProblem ? ' ll-error' : ' ll-muted'}`} data-state={sync.status.state} title={t('sync_title')}>
          {syncProblem ? textOf(syncProblem) : sync.status.lastSyncAt ? t('sync_last', { time: formatDateTime(sync.status.lastSyncAt) }) : t('sync_never')}
        </p>
      )}
      {agg.total === 0 && (
        <section class="ll-empty" aria-label={t('popup_getting_started')}>
          <p>
            <strong>{t('popup_empty_title')}</strong> {t('popup_empty_body', { capture: t('capture_lead') })}
          </p>
        </section>
      )}
      <QuickSearch model={model} />
      <div class="ll-row-between">
        <h2>{t('popup_funnel')}</h2>
        <PeriodFilter value={model.period.value} onChange={(p) => (model.period.value = p)} />
      </div>
      <FunnelChart rows={funnelRows(slice, settings.stages)} />
      {slice.total === 0 && agg.total > 0 && <p class="ll-muted">{t('popup_period_empty')}</p>}
      <TemperatureSplit counts={agg.temperature} onOpen={(temperature) => void model.openUrl(pipelineUrl(`temperature=${temperature}`))} />
      <h2>{due ? t('popup_due_count', { count: due.length }) : t('popup_due')}</h2>
      {due === null ? (
        <p class="ll-muted" aria-busy="true">
          …
        </p>
      ) : due.length === 0 ? (
        <p class="ll-muted">{t('popup_nothing_due')}</p>
      ) : (
        <LeadSummaryList
          leads={due}
          label={t('popup_due')}
          today={today}
          onOpen={(l) => model.open(l)}
          actions={(l) => (
            <span class="ll-due-actions">
              <button
                type="button"
                aria-label={t('popup_done_for', { name: l.name })}
                title={t('popup_done_for', { name: l.name })}
                onClick={() => void model.done(l)}
              >
                ✓
              </button>
              <button
                type="button"
                aria-label={t('popup_snooze_for', { name: l.name })}
                title={t('popup_snooze_for', { name: l.name })}
                onClick={() => void model.snooze(l, 1)}
              >
                {t('next_snooze_day')}
              </button>
            </span>
          )}
        />
      )}
      <dl class="ll-figures">
        <dt>{t('popup_stale')}</dt>
        <dd data-testid="stale">{formatNumber(staleCount(agg, settings.stages, today))}</dd>
        <dt>{t('popup_weighted')}</dt>
        <dd data-testid="weighted">{formatMoney(Math.round(weightedPipeline(agg, settings.stages)), settings.currency)}</dd>
        <dt>{t('popup_win_rate')}</dt>
        <dd>{rate === null ? '–' : formatPercent(rate)}</dd>
        <dt>{t('popup_leads')}</dt>
        <dd data-testid="total">{formatNumber(slice.total)}</dd>
      </dl>
    </main>
  );
}
