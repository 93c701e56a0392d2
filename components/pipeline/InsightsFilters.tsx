import { t } from '../../lib/i18n/i18n';
import { LEAD_SOURCES } from '../../lib/pipeline/constants';
import type { InsightsPeriod } from '../../lib/pipeline/insights';
import { periodLabel, sourceLabel } from '../../lib/ui/insights-format';
import { defaultRange, isLeadSource, type InsightsRoute } from '../../lib/ui/insights-model';

const PERIODS = ['month', 'quarter', 'year', 'all'] as const;

/** The period (this month, quarter, year, all time, or a range of months) and one lead source or tag. */
export function InsightsFilters({
  route,
  tags,
  today,
  onChange,
}: {
  route: InsightsRoute;
  tags: { tag: string; leads: number }[] | null;
  today: string;
  onChange: (next: InsightsRoute) => void;
}) {
  const period = route.period;
  const custom = typeof period !== 'string';
  const setPeriod = (next: InsightsPeriod) => onChange({ ...route, period: next });
  const setMonth = (end: 'from' | 'to', value: string) => {
    if (!custom || !/^\d{4}-\d{2}$/.test(value)) return;
    const range = { ...period, [end]: value };
    // An end moved past the other one: the range becomes that one month.
    setPeriod(range.from <= range.to ? range : { from: value, to: value });
  };
  const who = route.tag !== null ? `tag:${route.tag}` : route.source !== null ? `source:${route.source}` : '';
  const known = tags ?? [];
  return (
    <div class="ll-filters ll-insights-filters">
      <label>
        {t('insights_period')}{' '}
        <select
          value={custom ? 'custom' : period}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            setPeriod(value === 'custom' ? defaultRange(today) : (value as (typeof PERIODS)[number]));
          }}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p)}
            </option>
          ))}
          <option value="custom">{t('insights_period_custom')}</option>
        </select>
      </label>
      {custom && (
        <>
          <label>
            {t('insights_from_month')}{' '}
            <input type="month" value={period.from} max={period.to} onChange={(e) => setMonth('from', (e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label>
            {t('insights_to_month')}{' '}
            <input type="month" value={period.to} min={period.from} onChange={(e) => setMonth('to', (e.currentTarget as HTMLInputElement).value)} />
          </label>
        </>
      )}
      <label>
        {t('insights_leads_filter')}{' '}
        <select
          value={who}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            const [kind, ...rest] = value.split(':');
            const name = rest.join(':');
            if (kind === 'source' && isLeadSource(name)) onChange({ ...route, source: name, tag: null });
            else if (kind === 'tag') onChange({ ...route, source: null, tag: name });
            else onChange({ ...route, source: null, tag: null });
          }}
        >
          <option value="">{t('insights_every_lead')}</option>
          <optgroup label={t('insights_by_source')}>
            {LEAD_SOURCES.map((s) => (
              <option key={s} value={`source:${s}`}>
                {sourceLabel(s)}
              </option>
            ))}
          </optgroup>
          {(known.length > 0 || route.tag !== null) && (
            <optgroup label={t('insights_by_tag')}>
              {route.tag !== null && !known.some((k) => k.tag === route.tag) && <option value={`tag:${route.tag}`}>{route.tag}</option>}
              {known.map((k) => (
                <option key={k.tag} value={`tag:${k.tag}`}>
                  {t('insights_tag_option', { tag: k.tag, count: k.leads })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
    </div>
  );
}
