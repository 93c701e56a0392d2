import type { PeopleListModel } from '../../lib/ui/people-list-model';
import { stageLabel } from '../../lib/i18n/labels';
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
  if (people.length === 0) return <p class="ll-muted">{t('people_none_read')}</p>;
  return (
    <section class="ll-people-list" aria-label={t('people_on_page_label')}>
      <p class="ll-subject">{tn('people_on_page', people.length)}</p>
      <p class="ll-muted">{known.size === 0 ? t('people_none_known') : tn('people_known', known.size)}</p>
      <div class="ll-row">
        <label>
          <input
            type="checkbox"
            checked={selectable.length > 0 && selected.size === selectable.length}
            disabled={selectable.length === 0 || model.busy.value}
            onChange={(e) => model.selectAll((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('people_select_new')}
        </label>
      </div>
      <button type="button" class="ll-primary" disabled={selected.size === 0 || model.busy.value} onClick={() => void model.captureSelected()}>
        {selected.size > 0 ? t('people_capture_selected_count', { count: selected.size }) : t('people_capture_selected')}
      </button>
      {progress && (
        <div class="ll-progress" role="status">
          <progress max={progress.total} value={progress.done} aria-label={t('people_capturing')} />{' '}
          <span>
            {progress.done < progress.total ? t('people_capture_progress', { done: progress.done, total: progress.total }) : result ? capturedText(result) : ''}
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
                <span class="ll-person-name">{p.name ?? t('people_name_not_read')}</span>
                {lead && <span class="ll-lead-mark">{stageLabel(lead.stage, model.stages.value)}</span>}
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
  return result.existing > 0
    ? `${tn('people_captured', result.created)} ${tn('people_already_leads', result.existing)}`
    : tn('people_captured', result.created);
}
