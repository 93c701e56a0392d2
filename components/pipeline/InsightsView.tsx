import { useRef } from 'preact/hooks';
import { t, tn } from '../../lib/i18n/i18n';
import type { InsightsReady } from '../../lib/pipeline/insights';
import type { StageDef } from '../../lib/pipeline/model';
import { renderInsightsImage, type ImageSection } from '../../lib/ui/insights-image';
import { formatMonth, formatValue, periodLabel, sourceLabel } from '../../lib/ui/insights-format';
import type { InsightsRoute } from '../../lib/ui/insights-model';
import { OUTCOME_FIGURES, type InsightsTable, type InsightsTableId } from '../../lib/ui/insights-tables';
import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { ErrorText } from '../shared/ErrorText';
import { InsightsChartBlock } from './InsightsChartBlock';
import { InsightsFigure } from './InsightsFigure';
import { InsightsFilters } from './InsightsFilters';
import { InsightsFunnelChart } from './InsightsFunnelChart';
import { InsightsTableView } from './InsightsTableView';
import { InsightsTimeChart } from './InsightsTimeChart';
import { InsightsTrendChart, type TrendSeries } from './InsightsTrendChart';

/** Who the figures are about: the period, and the source or tag when one is chosen. */
function scopeText(route: InsightsRoute, r: InsightsReady): string {
  const who =
    r.scope.tag !== null ? t('insights_scope_tag', { tag: r.scope.tag }) : r.scope.source !== null ? sourceLabel(r.scope.source) : t('insights_every_lead');
  const when = r.scope.periodApplied ? periodLabel(route.period) : t('insights_period_all');
  return t('insights_scope', { who, when, leads: tn('leads', r.leads) });
}

function trendSeries(r: InsightsReady, currency: string): TrendSeries[] {
  const points = r.trend ?? [];
  const metricSeries = (
    id: string,
    title: string,
    pick: (p: (typeof points)[number]) => { value: number | null; unit: Parameters<typeof formatValue>[1] },
  ): TrendSeries => ({
    id,
    title,
    values: points.map((p) => pick(p).value),
    format: (value) => formatValue(value, points[0] ? pick(points[0]).unit : 'count', currency),
    kind: 'line',
  });
  return [
    { id: 'leads', title: t('insights_leads'), values: points.map((p) => p.leads), format: (v) => formatValue(v, 'count', currency), kind: 'bar' },
    metricSeries('conversion', t('insights_conversion_to_won'), (p) => p.conversionToWon),
    metricSeries('winRate', t('insights_win_rate'), (p) => p.outcomes.winRate),
    metricSeries('averageDeal', t('insights_average_deal'), (p) => p.outcomes.averageDeal),
    metricSeries('cycle', t('insights_cycle_average'), (p) => p.cycle.averageDays),
    metricSeries('weighted', t('insights_weighted_pipeline'), (p) => p.outcomes.weightedPipeline),
  ];
}

/** Funnel, time in stage, outcomes, sources and trend for a period: "where does my funnel leak, and is it getting better?". */
export function InsightsView({ model }: { model: PipelineModel }) {
  const insights = model.insights;
  const settings = model.settings.value!;
  const stages: StageDef[] = settings.stages;
  const currency = settings.currency;
  const root = useRef<HTMLElement>(null);
  const route = model.route.value;
  const asked: InsightsRoute = { period: route.period, source: route.filter.source ?? null, tag: route.filter.tag ?? null };
  const reply = insights.reply.value;
  const shown = insights.shown.value;
  const result = reply?.insights;
  const ready = result?.status === 'ready' ? result : null;
  const tables = ready ? insights.tables(stages, currency) : null;
  const table = (id: InsightsTableId) => tables?.find((x) => x.id === id) ?? null;
  const go = (next: InsightsRoute) =>
    model.go({ period: next.period, filter: { ...route.filter, source: next.source ?? undefined, tag: next.tag ?? undefined } });

  const image = () => {
    const el = root.current!;
    const charts = (selector: string) => [...el.querySelectorAll<SVGSVGElement>(selector)];
    const pick = (...ids: InsightsTableId[]) => ids.map(table).filter((x): x is InsightsTable => x !== null);
    const sections: ImageSection[] = [
      { title: t('insights_funnel_title'), charts: charts('svg[data-chart="funnel"]'), tables: pick('funnel') },
      { title: t('insights_time_title'), charts: charts('svg[data-chart="time"]'), tables: pick('time') },
      { title: t('insights_outcomes_title'), charts: [], tables: pick('outcomes') },
      { title: t('insights_sources_title'), charts: [], tables: pick('sources') },
      { title: t('insights_trend_title'), charts: charts('svg[data-chart^="trend-"]'), tables: pick('trend') },
    ].filter((s) => s.charts.length > 0 || s.tables.length > 0);
    return renderInsightsImage(t('insights_image_title'), ready && shown ? scopeText(shown, ready) : '', sections);
  };

  const funnelTable = table('funnel');
  const timeTable = table('time');
  const sourcesTable = table('sources');
  const trendTable = table('trend');
  return (
    <section class="ll-insights" aria-labelledby="ll-insights-title" ref={root} aria-busy={insights.loading.value}>
      <div class="ll-row-between ll-insights-head">
        <h2 id="ll-insights-title">{t('insights_title')}</h2>
        <div class="ll-insights-actions">
          <button type="button" disabled={!tables || insights.exporting.value} onClick={() => void insights.exportCsv(stages, currency, model.today)}>
            {t('insights_export_csv')}
          </button>
          <button type="button" disabled={!tables || insights.exporting.value} onClick={() => void insights.exportImage(image, model.today)}>
            {t('insights_export_image')}
          </button>
        </div>
      </div>
      <InsightsFilters route={asked} tags={reply?.tags ?? null} today={model.today} onChange={go} />
      <ErrorText error={insights.error.value} />
      {result?.status === 'tag-untracked' && <p role="status">{t('insights_tag_untracked', { tag: result.tag })}</p>}
      {ready && shown && (
        <>
          <p class="ll-muted" data-testid="insights-scope">
            {scopeText(shown, ready)}
            {!ready.scope.periodApplied && ` ${t('insights_tag_all_time')}`}
          </p>
          {ready.leads === 0 && <p role="status">{t('insights_no_leads')}</p>}
          <div class="ll-insights-grid">
            <section aria-labelledby="ll-insights-funnel" class="ll-insights-section">
              <h3 id="ll-insights-funnel">{t('insights_funnel_title')}</h3>
              {funnelTable && (
                <InsightsChartBlock model={insights} table={funnelTable}>
                  <InsightsFunnelChart funnel={ready.funnel} stages={stages} currency={currency} labelledBy="ll-insights-funnel" />
                </InsightsChartBlock>
              )}
            </section>
            <section aria-labelledby="ll-insights-time" class="ll-insights-section">
              <h3 id="ll-insights-time">{t('insights_time_title')}</h3>
              {timeTable && (
                <InsightsChartBlock model={insights} table={timeTable}>
                  <InsightsTimeChart funnel={ready.funnel} stages={stages} currency={currency} labelledBy="ll-insights-time" />
                </InsightsChartBlock>
              )}
              <p class="ll-muted">{t('insights_time_note')}</p>
            </section>
          </div>
          <section aria-labelledby="ll-insights-outcomes" class="ll-insights-section">
            <h3 id="ll-insights-outcomes">{t('insights_outcomes_title')}</h3>
            <div class="ll-figures-grid">
              {OUTCOME_FIGURES.map((f) => (
                <InsightsFigure key={f.id} model={insights} id={f.id} label={f.label()} metric={f.metric(ready)} stages={stages} currency={currency} />
              ))}
            </div>
            <p class="ll-muted">
              {t('insights_outcome_counts', {
                won: formatValue(ready.outcomes.won, 'count', currency),
                lost: formatValue(ready.outcomes.lost, 'count', currency),
                open: formatValue(ready.outcomes.openOpportunities, 'count', currency),
              })}
            </p>
          </section>
          {sourcesTable && (
            <section aria-labelledby="ll-insights-sources" class="ll-insights-section">
              <h3 id="ll-insights-sources">{t('insights_sources_title')}</h3>
              <InsightsTableView table={sourcesTable} />
            </section>
          )}
          {trendTable && ready.trend && (
            <section aria-labelledby="ll-insights-trend" class="ll-insights-section">
              <h3 id="ll-insights-trend">{t('insights_trend_title')}</h3>
              <InsightsChartBlock model={insights} table={trendTable}>
                <div class="ll-trend-grid">
                  {trendSeries(ready, currency).map((series) => (
                    <InsightsTrendChart key={series.id} series={series} months={ready.trend!.map((p) => formatMonth(p.month))} />
                  ))}
                </div>
              </InsightsChartBlock>
            </section>
          )}
        </>
      )}
    </section>
  );
}
