import type { PersonPanelModel } from '../../lib/ui/person-panel-model';
import { t, textOf } from '../../lib/i18n/i18n';
import { LeadCard } from '../shared/LeadCard';
import { DuplicateOffer } from './DuplicateOffer';
import { PersonCaptureForm } from './PersonCaptureForm';

/** A person a page shows (messaging partner, Sales Navigator lead): the lead, or a capture form with same-name leads to link. */
export function PersonPanel({ model, idPrefix }: { model: PersonPanelModel; idPrefix: string }) {
  const state = model.state.value;
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return (
        <p class="ll-muted" aria-busy="true">
          {t('person_reading')}
        </p>
      );
    case 'error':
      return (
        <div>
          <p class="ll-error" role="alert">
            {textOf(state.message)}
          </p>
          <button type="button" onClick={() => void model.lookup()}>
            {t('common_try_again')}
          </button>
        </div>
      );
    case 'known':
      return <LeadCard card={state.card} />;
    case 'new':
      return (
        <>
          <DuplicateOffer duplicates={model.duplicates.value} busy={model.busy.value} onLink={(id) => void model.link(id)} />
          <PersonCaptureForm model={model} idPrefix={idPrefix} />
        </>
      );
  }
}
