import { stageLabel } from '../../lib/i18n/labels';
import { t, textOf } from '../../lib/i18n/i18n';
import { toHash, type PipelineModel } from '../../lib/ui/pipeline-model';
import { ErrorText } from '../shared/ErrorText';

/** Likely duplicates (same name, same or missing company) and a merge into the record to keep. */
export function DuplicatesView({ model }: { model: PipelineModel }) {
  const stages = model.settings.value!.stages;
  const dups = model.duplicates;
  const list = dups.groups.value;
  return (
    <section aria-label={t('view_duplicates')}>
      <h2>{t('dup_title')}</h2>
      <p class="ll-muted">{t('dup_intro')}</p>
      <ErrorText error={dups.error.value} />
      <p role="status">{textOf(dups.done.value)}</p>
      {list === null ? (
        <p aria-busy="true">{t('dup_looking')}</p>
      ) : list.length === 0 ? (
        <p>{t('dup_none')}</p>
      ) : (
        list.map((group) => (
          <article class="ll-dup-group" key={group.map((l) => l.id).join()} aria-label={t('dup_group', { name: group[0]!.name })}>
            <table class="ll-table">
              <tbody>
                {group.map((lead) => (
                  <tr key={lead.id}>
                    <td>
                      <a href={`#${toHash({ ...model.route.value, lead: lead.id })}`}>{lead.name}</a>
                    </td>
                    <td>{lead.company ?? '–'}</td>
                    <td>{lead.emails.join(', ') || '–'}</td>
                    <td>{lead.linkedinUrl ? t('dup_has_linkedin') : ''}</td>
                    <td>{stageLabel(lead.stage, stages)}</td>
                    <td>
                      {group
                        .filter((o) => o.id !== lead.id)
                        .map((other) => (
                          <button key={other.id} type="button" disabled={dups.busy.value} onClick={() => void dups.merge(lead, other)}>
                            {group.length > 2
                              ? t('dup_keep_merge_named', { name: other.name, company: other.company ?? t('dup_no_company') })
                              : t('dup_keep_merge_second')}
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
