import { stageName } from '../../lib/pipeline/stages';
import { toHash, type PipelineModel } from '../../lib/ui/pipeline-model';
import { ErrorText } from '../shared/ErrorText';

/** Likely duplicates (same name, same or missing company) and a merge into the record to keep. */
export function DuplicatesView({ model }: { model: PipelineModel }) {
  const stages = model.settings.value!.stages;
  const dups = model.duplicates;
  const list = dups.groups.value;
  return (
    <section aria-label="Duplicates">
      <h2>Likely duplicates</h2>
      <p class="ll-muted">
        Same name with the same company, or one without a company. Same LinkedIn URL or email cannot happen: those are merged when captured or imported.
      </p>
      <ErrorText error={dups.error.value} />
      <p role="status">{dups.done.value}</p>
      {list === null ? (
        <p aria-busy="true">Looking for duplicates…</p>
      ) : list.length === 0 ? (
        <p>No likely duplicates.</p>
      ) : (
        list.map((group) => (
          <article class="ll-dup-group" key={group.map((l) => l.id).join()} aria-label={`Duplicates: ${group[0]!.name}`}>
            <table class="ll-table">
              <tbody>
                {group.map((lead) => (
                  <tr key={lead.id}>
                    <td>
                      <a href={`#${toHash({ ...model.route.value, lead: lead.id })}`}>{lead.name}</a>
                    </td>
                    <td>{lead.company ?? '–'}</td>
                    <td>{lead.emails.join(', ') || '–'}</td>
                    <td>{lead.linkedinUrl ? 'LinkedIn' : ''}</td>
                    <td>{stageName(lead.stage, stages)}</td>
                    <td>
                      {group
                        .filter((o) => o.id !== lead.id)
                        .map((other) => (
                          <button key={other.id} type="button" disabled={dups.busy.value} onClick={() => void dups.merge(lead, other)}>
                            Keep this, merge {group.length > 2 ? `${other.name} (${other.company ?? 'no company'}) ` : 'the other '}into it
                          </button>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ))
      )}
    </section>
  );
}
