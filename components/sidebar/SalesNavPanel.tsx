import type { PersonPanelModel } from '../../lib/ui/person-panel-model';
import { t } from '../../lib/i18n/i18n';
import { PersonPanel } from './PersonPanel';

/** A Sales Navigator lead page: the lead it shows, recognised by its lead page or public profile, or linked by name. */
export function SalesNavPanel({ model }: { model: PersonPanelModel }) {
  const sighting = model.sighting.value;
  const state = model.state.value.kind;
  return (
    <section class="ll-salesnav" aria-label={t('salesnav_panel')}>
      {sighting && !sighting.linkedinUrl && state === 'new' && <p class="ll-note">{t('salesnav_no_profile')}</p>}
      <PersonPanel model={model} idPrefix="ll-sales" />
    </section>
  );
}
