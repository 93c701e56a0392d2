import type { ProfilePanelModel } from '../../lib/ui/profile-panel-model';
import { CaptureForm } from './CaptureForm';
import { DuplicateOffer } from './DuplicateOffer';
import { LeadCard } from '../shared/LeadCard';
import { t, textOf } from '../../lib/i18n/i18n';

/** The LinkedIn sidebar's content for the profile on screen. */
export function ProfilePanel({ model }: { model: ProfilePanelModel }) {
  const state = model.state.value;
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return (
        <p class="ll-muted" aria-busy="true">
          {t('profile_reading')}
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
          <DuplicateOffer duplicates={model.duplicates.value} busy={model.busy.value} onLink={(id) => void model.linkDuplicate(id)} />
          <CaptureForm model={model} />
        </>
      );
  }
}
