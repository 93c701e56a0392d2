import type { ParticipantRow, ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { t } from '../../lib/i18n/i18n';
import { DuplicateOffer } from './DuplicateOffer';

/** A thread participant who is not a lead yet: name, email, company guessed from the domain. */
export function ParticipantCapture({ row, model }: { row: ParticipantRow; model: ThreadPanelModel }) {
  const email = row.participant.email;
  const id = (field: string) => `ll-${field}-${email.replace(/[^a-z0-9]/gi, '-')}`;
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
        <div class="ll-field">
          <label for={id('name')}>{t('field_name')}</label>
          <input id={id('name')} value={row.draft.name} onInput={(e) => model.editDraft(email, 'name', (e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class={row.draft.company ? 'll-field' : 'll-field ll-missing'}>
          <label for={id('company')}>
            {t('field_company')}
            {!row.draft.company && <span class="ll-flag"> {t('participant_free_mail')}</span>}
          </label>
          <input id={id('company')} value={row.draft.company} onInput={(e) => model.editDraft(email, 'company', (e.currentTarget as HTMLInputElement).value)} />
        </div>
        <button type="submit" class="ll-primary" disabled={model.busy.value}>
          {t('capture_lead')}
        </button>
      </form>
    </>
  );
}
