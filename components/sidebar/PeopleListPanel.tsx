import type { PeopleListModel } from '../../lib/ui/people-list-model';
import { stageName } from '../../lib/pipeline/stages';
import { t, tn } from '../../lib/i18n/i18n';
import { ErrorText } from '../shared/ErrorText';

/** The people a search result or My Network list shows: known leads marked, the others to select and capture at once. */
export function PeopleListPanel({ model }: { model: PeopleListModel }) {
  const people = model.people.value;
  const known = model.known.value;
  const selected = model.selected.value;
  const progress = model.progress.value;
  const result = model.result.value;
  const selectable = model.selectable.value;
  if (people.length === 0) return <p class="ll-muted">{t('noPeopleRead')}</p>;
  return (
    <section class="ll-people-list" aria-label={t('peopleOnPageLabel')}>
      <p class="ll-subject">{tn('peopleOnPage', people.length)}</p>
      <p class="ll-muted">{known.size === 0 ? t('peopleNoneKnown') : tn('peopleKnown', known.size)}</p>
      <div class="ll-row">
        <label>
          <input
            type="checkbox"
            checked={selectable.length > 0 && selected.size === selectable.length}
            disabled={selectable.length === 0 || model.busy.value}
            onChange={(e) => model.selectAll((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('selectAllNew')}
        </label>
      </div>
      <button type="button" class="ll-primary" disabled={selected.size === 0 || model.busy.value} onClick={() => void model.captureSelected()}>
        {t('captureSelected')} {selected.size > 0 ? `(${selected.size})` : ''}
      </button>
      {progress && (
        <div class="ll-progress" role="status">
          <progress max={progress.total} value={progress.done} aria-label={t('capturing')} />{' '}
          <span>
            {progress.done < progress.total ? t('captureProgress', { done: progress.done, total: progress.total }) : result ? capturedText(result) : ''}
          </span>
        </div>
      )}
      <ErrorText error={model.error.value} />
      <ul class="ll-people">
        {people.map((p, i) => {
          const lead = known.get(p.profileUrl);
          const id = `ll-person-${i}`;
          return (
            <li key={p.profileUrl} class={lead ? 'll-known' : undefined}>
              <input
                type="checkbox"
                id={id}
                checked={selected.has(p.profileUrl)}
                disabled={!!lead || !p.name || model.busy.value}
                onChange={(e) => model.toggle(p.profileUrl, (e.currentTarget as HTMLInputElement).checked)}
              />
              <label for={id}>
                <span class="ll-person-name">{p.name ?? t('nameNotRead')}</span>
                {lead && <span class="ll-lead-mark">{stageName(lead.stage, model.stages.value)}</span>}
                {p.headline && <span class="ll-muted ll-person-line">{p.headline}</span>}
                {p.location && <span class="ll-muted ll-person-line">{p.location}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function capturedText(result: { created: number; existing: number }): string {
  return result.existing > 0 ? `${tn('capturedPeople', result.created)} ${tn('alreadyLeads', result.existing)}` : tn('capturedPeople', result.created);
}
