import { DRAFT_FIELDS, type DraftField, type ProfilePanelModel } from '../../lib/ui/profile-panel-model';
import { ErrorText } from '../shared/ErrorText';

const LABELS: Record<DraftField, string> = { name: 'Name', headline: 'Headline', company: 'Company', location: 'Location' };

/** The prefilled, editable capture form; fields the page did not show are flagged. */
export function CaptureForm({ model }: { model: ProfilePanelModel }) {
  const draft = model.draft.value;
  const missing = model.missing.value;
  const problems = model.problems.value;
  const url = model.profile.value?.found.linkedinUrl;
  return (
    <form
      class="ll-form"
      onSubmit={(e) => {
        e.preventDefault();
        void model.capture();
      }}
    >
      <p class="ll-muted">New person: not in your pipeline yet.</p>
      {DRAFT_FIELDS.map((field) => {
        const notFound = missing.includes(field) && draft[field].trim() === '';
        const id = `ll-field-${field}`;
        const problem = problems[field];
        return (
          <div class={notFound || problem ? 'll-field ll-missing' : 'll-field'} key={field}>
            <label for={id}>
              {LABELS[field]}
              {notFound && <span class="ll-flag"> (not found on the page)</span>}
            </label>
            <input
              id={id}
              value={draft[field]}
              required={field === 'name'}
              aria-invalid={(field === 'name' && notFound) || problem ? 'true' : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onInput={(e) => model.edit(field, (e.currentTarget as HTMLInputElement).value)}
            />
            <ErrorText error={problem} id={`${id}-problem`} />
          </div>
        );
      })}
      {url ? <p class="ll-muted ll-url">{url}</p> : <p class="ll-error">This page does not show a profile address.</p>}
      <button type="submit" class="ll-primary" disabled={!model.canCapture.value || model.busy.value}>
        Capture lead
      </button>
      <ErrorText error={model.error.value} />
    </form>
  );
}
