import { useEffect, useRef } from 'preact/hooks';
import { LATER, LEAD_SOURCES, LOST, TEMPERATURES } from '../../lib/pipeline/constants';
import { sourceLabel, stageLabel, temperatureLabel } from '../../lib/i18n/labels';
import { formatDate, formatMoney, t, tn, type MessageKey } from '../../lib/i18n/i18n';
import { csvWording } from '../../lib/ui/csv-wording';
import type { LeadFilter, SortColumn } from '../../lib/messaging/protocol';
import { toHash, type PipelineModel } from '../../lib/ui/pipeline-model';
import { FollowUpDay } from './LeadRowBadges';
import { ErrorText } from '../shared/ErrorText';

const ROW = 36;
const OVERSCAN = 10;

const COLUMNS: { key: SortColumn; label: MessageKey }[] = [
  { key: 'name', label: 'table_col_name' },
  { key: 'company', label: 'table_col_company' },
  { key: 'stage', label: 'table_col_stage' },
  { key: 'temperature', label: 'table_col_temperature' },
  { key: 'value', label: 'table_col_value' },
  { key: 'followUp', label: 'table_col_follow_up' },
  { key: 'lastTouch', label: 'table_col_last_touch' },
  { key: 'updated', label: 'table_col_updated' },
];

/** Every lead, sorted and filtered through indexes; only the rows in view are in the DOM. */
export function TableView({ model }: { model: PipelineModel }) {
  const table = model.table;
  const route = model.route.value;
  const f = route.filter;
  const stages = model.settings.value!.stages;
  const total = table.total.value;
  void table.revision.value; // redraw when a page of rows arrives
  const selection = table.selection.value;
  const scroller = useRef<HTMLDivElement>(null);
  const { scrollTop, height } = table.viewport.value;
  const text = table.searchText.value;
  const setScrollTop = (top: number) => (table.viewport.value = { ...table.viewport.value, scrollTop: top });
  const currency = model.settings.value!.currency;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => (table.viewport.value = { ...table.viewport.value, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // A new query starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [toHash({ ...route, lead: undefined })]);
  useEffect(() => void (table.searchText.value = f.text ?? ''), [f.text]);
  // Typing searches after a short pause, through the address.
  useEffect(() => {
    if (text === (f.text ?? '')) return;
    const timer = setTimeout(() => setFilter({ text: text.trim() || undefined }), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const count = total ?? 0;
  const start = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  useEffect(() => table.ensure(start, end), [start, end, table.revision.value]);

  function setFilter(change: Partial<LeadFilter>) {
    model.go({ filter: { ...f, ...change }, lead: undefined });
  }
  const sortBy = (key: SortColumn) => model.go({ sort: key, desc: route.sort === key ? !route.desc : key === 'updated' || key === 'value' });

  const rows = [];
  for (let i = start; i < end; i++) {
    const row = table.rowAt(i);
    rows.push(
      row ? (
        <tr key={row.id} data-id={row.id} aria-selected={route.lead === row.id} style={{ height: `${ROW}px` }}>
          <td>
            <input
              type="checkbox"
              aria-label={t('table_select', { name: row.name })}
              checked={selection.has(row.id)}
              onChange={(e) => table.toggle(row.id, (e.currentTarget as HTMLInputElement).checked)}
            />
          </td>
          <td class="ll-cell-name">
            <a href={`#${toHash({ ...route, lead: row.id })}`}>{row.name}</a>
          </td>
          <td>{row.company ?? ''}</td>
          <td>{stageLabel(row.stage, stages)}</td>
          <td>
            {row.temperature && <span class={`ll-temp ll-temp-${row.temperature}`}>{temperatureLabel(row.temperature)}</span>}
            {row.stale && <span class="ll-stale-mark">{t('stale_mark')}</span>}
          </td>
          <td class="ll-num">{row.dealValue === null ? '' : formatMoney(Math.round(row.dealValue), currency)}</td>
          <td>{row.nextFollowUpOn && <FollowUpDay day={row.nextFollowUpOn} today={model.today} />}</td>
          <td>{row.lastTouchAt ? formatDate(row.lastTouchAt) : ''}</td>
          <td>{formatDate(row.updatedAt)}</td>
        </tr>
      ) : (
        <tr key={`loading-${i}`} class="ll-loading-row" style={{ height: `${ROW}px` }}>
          <td colSpan={9}>…</td>
        </tr>
      ),
    );
  }

  return (
    <section aria-label={t('view_table')}>
      <form class="ll-filters" role="search" aria-label={t('table_filter')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('table_search')}{' '}
          <input
            type="search"
            value={text}
            placeholder={t('table_search_placeholder')}
            onInput={(e) => (table.searchText.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <FilterSelect
          label={t('table_col_stage')}
          value={f.stage}
          options={[...stages.map((s) => s.id), LOST, LATER].map((id) => [id, stageLabel(id, stages)] as const)}
          onChange={(stage) => setFilter({ stage })}
        />
        <FilterSelect
          label={t('table_col_temperature')}
          value={f.temperature}
          options={TEMPERATURES.map((value) => [value, temperatureLabel(value)] as const)}
          onChange={(temperature) => setFilter({ temperature })}
        />
        <FilterSelect
          label={t('table_source')}
          value={f.source}
          options={LEAD_SOURCES.map((s) => [s, sourceLabel(s)] as const)}
          onChange={(source) => setFilter({ source })}
        />
        <label>
          {t('table_tag')}{' '}
          <input size={10} value={f.tag ?? ''} onChange={(e) => setFilter({ tag: (e.currentTarget as HTMLInputElement).value.trim() || undefined })} />
        </label>
        <label>
          <input type="checkbox" checked={!!f.stale} onChange={(e) => setFilter({ stale: (e.currentTarget as HTMLInputElement).checked || undefined })} />{' '}
          {t('table_stale')}
        </label>
        <label>
          <input type="checkbox" checked={!!f.due} onChange={(e) => setFilter({ due: (e.currentTarget as HTMLInputElement).checked || undefined })} />{' '}
          {t('table_due')}
        </label>
      </form>
      <div class="ll-table-actions">
        <span data-testid="table-total">{total === null ? '…' : tn('leads', total)}</span>
        {selection.size > 0 && (
          <button type="button" onClick={() => void model.deleteLeads([...selection])} disabled={model.busy.value}>
            {tn('table_delete_selected', selection.size)}
          </button>
        )}
        <button type="button" onClick={() => void table.exportCsv(csvWording(stages), model.saveFile)} disabled={table.exporting.value || !total}>
          {table.exporting.value ? t('table_exporting') : t('table_export')}
        </button>
      </div>
      <ErrorText error={table.error.value ?? table.exportError.value} />
      <div class="ll-table-scroll" ref={scroller} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
        <table class="ll-table" aria-label={t('table_leads')} aria-rowcount={count + 1}>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('table_select_loaded')}
                  onChange={(e) => table.selectLoaded((e.currentTarget as HTMLInputElement).checked)}
                />
              </th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.key} aria-sort={route.sort === c.key ? (route.desc ? 'descending' : 'ascending') : undefined}>
                  <button type="button" class="ll-sort" onClick={() => sortBy(c.key)}>
                    {t(c.label)}
                    {route.sort === c.key ? (route.desc ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {start > 0 && <tr class="ll-spacer" aria-hidden="true" style={{ height: `${start * ROW}px` }} />}
            {rows}
            {end < count && <tr class="ll-spacer" aria-hidden="true" style={{ height: `${(count - end) * ROW}px` }} />}
          </tbody>
        </table>
        {total === 0 && <p class="ll-empty-note">{t('table_no_match')}</p>}
      </div>
    </section>
  );
}

/** A filter's select: "Any" or one of the options (value, label). */
function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | undefined;
  options: readonly (readonly [T, string])[];
  onChange: (value: T | undefined) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(((e.currentTarget as HTMLSelectElement).value || undefined) as T | undefined)}>
        <option value="">{t('common_any')}</option>
        {options.map(([v, text]) => (
          <option value={v} key={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
