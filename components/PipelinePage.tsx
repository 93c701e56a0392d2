import { TEMPERATURES } from '../lib/pipeline/constants';
import { stageName } from '../lib/pipeline/stages';
import type { Temperature } from '../lib/pipeline/model';
import { toHash, type PipelineModel } from '../lib/ui/pipeline-model';
import { LeadCard } from './LeadCard';

/** The pipeline page: the filtered lead list and the selected lead's card. */
export function PipelinePage({ model }: { model: PipelineModel }) {
  const f = model.filter.value;
  const leads = model.leads.value;
  const stages = model.settings.value?.stages ?? [];
  const selected = model.selected.value;
  return (
    <div class="ll-page">
      <header>
        <h1>Leadline pipeline</h1>
      </header>
      <form class="ll-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Temperature{' '}
          <select value={f.temperature ?? ''} onChange={(e) => model.setFilter({ ...f, temperature: ((e.currentTarget as HTMLSelectElement).value || undefined) as Temperature | undefined, lead: undefined })}>
            <option value="">Any</option>
            {TEMPERATURES.map((t) => (
              <option value={t} key={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Stage{' '}
          <select value={f.stage ?? ''} onChange={(e) => model.setFilter({ ...f, stage: (e.currentTarget as HTMLSelectElement).value || undefined, lead: undefined })}>
            <option value="">Any</option>
            {stages.map((s) => (
              <option value={s.id} key={s.id}>
                {s.name}
              </option>
            ))}
            <option value="lost">Lost</option>
            <option value="later">Later</option>
          </select>
        </label>
        <label>
          Search <input type="search" value={f.query ?? ''} onChange={(e) => model.setFilter({ ...f, query: (e.currentTarget as HTMLInputElement).value || undefined, lead: undefined })} />
        </label>
      </form>
      {model.error.value && <p role="alert">{model.error.value}</p>}
      <div class="ll-columns">
        <table class="ll-table" aria-label="Leads">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Stage</th>
              <th scope="col">Temperature</th>
              <th scope="col">Follow-up</th>
            </tr>
          </thead>
          <tbody>
            {(leads ?? []).map((lead) => (
              <tr key={lead.id} aria-selected={selected?.id === lead.id}>
                <td>
                  <a href={`#${toHash({ ...f, lead: lead.id })}`}>{lead.name}</a>
                </td>
                <td>{lead.company ?? ''}</td>
                <td>{stageName(lead.stage, stages)}</td>
                <td>
                  <span class={`ll-temp ll-temp-${lead.temperature ?? 'none'}`}>{lead.temperature ?? '–'}</span>
                </td>
                <td>{lead.nextFollowUpOn ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {selected && (
          <aside class="ll-detail" aria-label="Lead detail">
            <LeadCard card={selected} />
          </aside>
        )}
      </div>
      {leads && leads.length === 0 && <p>No lead matches these filters.</p>}
    </div>
  );
}
