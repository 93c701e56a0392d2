import type { ParticipantRow, ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { t, type MessageKey } from '../../lib/i18n/i18n';
import { ErrorText } from '../shared/ErrorText';
import { DuplicateOffer } from './DuplicateOffer';

/** A thread participant who is not a lead yet: name, email, company guessed from the domain. */
export function ParticipantCapture({ row, model }: { row: ParticipantRow; model: ThreadPanelModel }) {
  const email = row.participant.email;
  const id = (field: string) => `ll-${field}-${email.replace(/[^a-z0-9]/gi, '-')}`;
  const problems = model.draftProblems(email);
  const fields: { field: 'name' | 'company'; label: MessageKey; flag: MessageKey | null }[] = [
    { field: 'name', label: 'field_name', flag: null },
    { field: 'company', label: 'field_company', flag: row.draft.company ? null : 'participant_free_mail' },
  ];
  return (
    <>
      <DuplicateOffer duplicates={row.duplicates} busy={model.busy.value} onLink={(id) => void model.linkParticipant(email, id)} />
      <form
        class="ll-form ll-participant"
        aria-label={t('participant_label', { email })}
        onSubmit={(e) => {
          e.preventDefault();
          void model.capture(email);
        }}
      >
        <p class="ll-muted">{t('participant_new', { email })}</p>
        {fields.map(({ field, label, flag }) => (
          <div class={flag ? 'll-field ll-missing' : 'll-field'} key={field}>
            <label for={id(field)}>
              {t(label)}
              {flag && <span class="ll-flag"> {t(flag)}</span>}
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
          {t('capture_lead')}
        </button>
      </form>
    </>
  );
}
