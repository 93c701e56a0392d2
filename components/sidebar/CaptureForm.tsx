import { DRAFT_FIELDS, type DraftField, type ProfilePanelModel } from '../../lib/ui/profile-panel-model';
import { ErrorText } from '../shared/ErrorText';
import { t, type MessageKey } from '../../lib/i18n/i18n';

const LABELS: Record<DraftField, MessageKey> = { name: 'field_name', headline: 'field_headline', company: 'field_company', location: 'field_location' };

/** The prefilled, editable capture form; fields the page did not show are flagged. */
export function CaptureForm({ model }: { model: ProfilePanelModel }) {
  const draft = model.draft.value;
  const missing = model.missing.value;
  const url = model.profile.value?.found.linkedinUrl;
  return (
    <form
      class="ll-form"
      onSubmit={(e) => {
        e.preventDefault();
        void model.capture();
      }}
    >
      <p class="ll-muted">{t('capture_new_person')}</p>
      {DRAFT_FIELDS.map((field) => {
        const notFound = missing.includes(field) && draft[field].trim() === '';
        const id = `ll-field-${field}`;
        return (
          <div class={notFound ? 'll-field ll-missing' : 'll-field'} key={field}>
            <label for={id}>
              {t(LABELS[field])}
              {notFound && <span class="ll-flag"> {t('capture_not_found')}</span>}
            </label>
            <input
              id={id}
              value={draft[field]}
              required={field === 'name'}
              aria-invalid={field === 'name' && notFound ? 'true' : undefined}
              onInput={(e) => model.edit(field, (e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        );
      })}
      {url ? <p class="ll-muted ll-url">{url}</p> : <p class="ll-error">{t('capture_no_url')}</p>}
      <button type="submit" class="ll-primary" disabled={!model.canCapture.value || model.busy.value}>
        {t('capture_lead')}
      </button>
      <ErrorText error={model.error.value} />
    </form>
  );
}
