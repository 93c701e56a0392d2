import { PERSON_FIELDS, type PersonField, type PersonPanelModel } from '../../lib/ui/person-panel-model';
import { t, type MessageKey } from '../../lib/i18n/i18n';
import { ErrorText } from '../shared/ErrorText';

const LABELS: Record<PersonField, MessageKey> = { name: 'field_name', headline: 'field_headline', company: 'field_company', location: 'field_location' };

/** The capture form for a person a page shows; fields the page did not show are flagged. */
export function PersonCaptureForm({ model, idPrefix }: { model: PersonPanelModel; idPrefix: string }) {
  const draft = model.draft.value;
  const sighting = model.sighting.value;
  if (!sighting) return null;
  const where =
    sighting.linkedinUrl ?? sighting.salesNavUrl ?? (sighting.linkedinMemberId ? `https://www.linkedin.com/in/${sighting.linkedinMemberId}/` : null);
  return (
    <form
      class="ll-form"
      onSubmit={(e) => {
        e.preventDefault();
        void model.capture();
      }}
    >
      <p class="ll-muted">{t('capture_new_person')}</p>
      {PERSON_FIELDS.map((field) => {
        const notFound = sighting[field] === null && draft[field].trim() === '';
        const id = `${idPrefix}-${field}`;
        return (
          <div class={notFound ? 'll-field ll-missing' : 'll-field'} key={field}>
            <label for={id}>
              {t(LABELS[field])}
              {notFound && <span class="ll-flag"> {t('capture_not_found')}</span>}
            </label>
            <input id={id} value={draft[field]} required={field === 'name'} onInput={(e) => model.edit(field, (e.currentTarget as HTMLInputElement).value)} />
          </div>
        );
      })}
      {where ? <p class="ll-muted ll-url">{where}</p> : <p class="ll-error">{t('person_no_address')}</p>}
      <button type="submit" class="ll-primary" disabled={!model.canCapture || model.busy.value}>
        {t('capture_lead')}
      </button>
      <ErrorText error={model.error.value} />
    </form>
  );
}
