import type { ParticipantRow, ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { ErrorText } from '../shared/ErrorText';

/** A thread participant who is not a lead yet: name, email, company guessed from the domain. */
export function ParticipantCapture({ row, model }: { row: ParticipantRow; model: ThreadPanelModel }) {
  const email = row.participant.email;
  const id = (field: string) => `ll-${field}-${email.replace(/[^a-z0-9]/gi, '-')}`;
  const problems = model.draftProblems(email);
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
      <div class="ll-field">
        <label for={id('name')}>Name</label>
        <input
          id={id('name')}
          value={row.draft.name}
          aria-invalid={problems.name ? 'true' : undefined}
          aria-describedby={problems.name ? id('name-problem') : undefined}
          onInput={(e) => model.editDraft(email, 'name', (e.currentTarget as HTMLInputElement).value)}
        />
        <ErrorText error={problems.name} id={id('name-problem')} />
      </div>
      <div class={row.draft.company ? 'll-field' : 'll-field ll-missing'}>
        <label for={id('company')}>Company{!row.draft.company && <span class="ll-flag"> (not guessed: free-mail address)</span>}</label>
        <input
          id={id('company')}
          value={row.draft.company}
          aria-invalid={problems.company ? 'true' : undefined}
          aria-describedby={problems.company ? id('company-problem') : undefined}
          onInput={(e) => model.editDraft(email, 'company', (e.currentTarget as HTMLInputElement).value)}
        />
        <ErrorText error={problems.company} id={id('company-problem')} />
      </div>
      <button type="submit" class="ll-primary" disabled={model.busy.value || Object.keys(problems).length > 0}>
        Capture lead
      </button>
    </form>
  );
}
