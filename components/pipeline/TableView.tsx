import { useEffect, useRef } from 'preact/hooks';
import { LATER, LEAD_SOURCES, LOST, TEMPERATURES } from '../../lib/pipeline/constants';
import { stageName } from '../../lib/pipeline/stages';
import type { LeadFilter, SortColumn } from '../../lib/messaging/protocol';
import { toHash, type PipelineModel } from '../../lib/ui/pipeline-model';
import { ErrorText } from '../shared/ErrorText';

const ROW = 36;
const OVERSCAN = 10;

const COLUMNS: { key: SortColumn; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'company', label: 'Company' },
  { key: 'stage', label: 'Stage' },
  { key: 'temperature', label: 'Temperature' },
  { key: 'value', label: 'Value' },
  { key: 'followUp', label: 'Follow-up' },
  { key: 'lastTouch', label: 'Last touch' },
  { key: 'updated', label: 'Updated' },
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
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: model.settings.value!.currency, maximumFractionDigits: 0 });
  const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

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
              aria-label={`Select ${row.name}`}
              checked={selection.has(row.id)}
              onChange={(e) => table.toggle(row.id, (e.currentTarget as HTMLInputElement).checked)}
            />
          </td>
          <td class="ll-cell-name">
            <a href={`#${toHash({ ...route, lead: row.id })}`}>{row.name}</a>
          </td>
          <td>{row.company ?? ''}</td>
          <td>{stageName(row.stage, stages)}</td>
          <td>
            <span class={`ll-temp ll-temp-${row.temperature ?? 'none'}`}>{row.temperature ?? '–'}</span>
            {row.stale && <span class="ll-stale-mark">stale</span>}
          </td>
          <td class="ll-num">{row.dealValue === null ? '' : money.format(row.dealValue)}</td>
          <td>{row.nextFollowUpOn ?? ''}</td>
          <td>{row.lastTouchAt ? dateOnly.format(new Date(row.lastTouchAt)) : ''}</td>
          <td>{dateOnly.format(new Date(row.updatedAt))}</td>
        </tr>
      ) : (
        <tr key={`loading-${i}`} class="ll-loading-row" style={{ height: `${ROW}px` }}>
          <td colSpan={9}>…</td>
        </tr>
      ),
    );
  }

  return (
    <section aria-label="Table">
      <form class="ll-filters" role="search" aria-label="Filter leads" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search{' '}
          <input
            type="search"
            value={text}
            placeholder="Name, company or email"
            onInput={(e) => (table.searchText.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <FilterSelect
          label="Stage"
          value={f.stage}
          options={[...stages.map((s) => [s.id, s.name] as const), [LOST, stageName(LOST, stages)] as const, [LATER, stageName(LATER, stages)] as const]}
          onChange={(stage) => setFilter({ stage })}
        />
        <FilterSelect
          label="Temperature"
          value={f.temperature}
          options={TEMPERATURES.map((t) => [t, t] as const)}
          onChange={(temperature) => setFilter({ temperature })}
        />
        <FilterSelect label="Source" value={f.source} options={LEAD_SOURCES.map((s) => [s, s] as const)} onChange={(source) => setFilter({ source })} />
        <label>
          Tag <input size={10} value={f.tag ?? ''} onChange={(e) => setFilter({ tag: (e.currentTarget as HTMLInputElement).value.trim() || undefined })} />
        </label>
        <label>
          <input type="checkbox" checked={!!f.stale} onChange={(e) => setFilter({ stale: (e.currentTarget as HTMLInputElement).checked || undefined })} /> Stale
        </label>
        <label>
          <input type="checkbox" checked={!!f.due} onChange={(e) => setFilter({ due: (e.currentTarget as HTMLInputElement).checked || undefined })} /> Follow-up
          due
        </label>
      </form>
      <div class="ll-table-actions">
        <span data-testid="table-total">{total === null ? '…' : `${total.toLocaleString()} leads`}</span>
        {selection.size > 0 && (
          <button type="button" onClick={() => void model.deleteLeads([...selection])} disabled={model.busy.value}>
            Delete {selection.size} selected
          </button>
        )}
        <button type="button" onClick={() => void table.exportCsv((id) => stageName(id, stages), model.saveFile)} disabled={table.exporting.value || !total}>
          {table.exporting.value ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <ErrorText error={table.error.value ?? table.exportError.value} />
      <div class="ll-table-scroll" ref={scroller} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
        <table class="ll-table" aria-label="Leads" aria-rowcount={count + 1}>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Select loaded rows" onChange={(e) => table.selectLoaded((e.currentTarget as HTMLInputElement).checked)} />
              </th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.key} aria-sort={route.sort === c.key ? (route.desc ? 'descending' : 'ascending') : undefined}>
                  <button type="button" class="ll-sort" onClick={() => sortBy(c.key)}>
                    {c.label}
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
        {total === 0 && <p class="ll-empty-note">No lead matches these filters.</p>}
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
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option value={v} key={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
