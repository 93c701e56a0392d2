import type { ParticipantRow, ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { ErrorText } from '../shared/ErrorText';

/** A thread participant who is not a lead yet: name, email, company guessed from the domain. */
export function ParticipantCapture({ row, model }: { row: ParticipantRow; model: ThreadPanelModel }) {
  const email = row.participant.email;
  const id = (field: string) => `ll-${field}-${email.replace(/[^a-z0-9]/gi, '-')}`;
  const problems = model.draftProblems(email);
  const fields = [
    { field: 'name', label: 'Name', flag: null },
    { field: 'company', label: 'Company', flag: row.draft.company ? null : ' (not guessed: free-mail address)' },
  ] as const;
  return (
    <form
      class="ll-form ll-participant"
      aria-label={`New person: ${email}`}
      onSubmit={(e) => {
        e.preventDefault();
        void model.capture(email);
      }}
    >
      <p class="ll-muted">{email} is not in your pipeline yet.</p>
      {fields.map(({ field, label, flag }) => (
        <div class={flag ? 'll-field ll-missing' : 'll-field'} key={field}>
          <label for={id(field)}>
            {label}
            {flag && <span class="ll-flag">{flag}</span>}
          </label>
          <input
            id={id(field)}
            value={row.draft[field]}
            aria-invalid={problems[field] ? 'true' : undefined}
            aria-describedby={problems[field] ? id(`${field}-problem`) : undefined}
            onInput={(e) => model.editDraft(email, field, (e.currentTarget as HTMLInputElement).value)}
          />
          <ErrorText error={problems[field]} id={id(`${field}-problem`)} />
        </div>
      ))}
      <button type="submit" class="ll-primary" disabled={model.busy.value || Object.keys(problems).length > 0}>
        Capture lead
      </button>
    </form>
  );
}
