import type { LeadCardModel } from '../../lib/ui/lead-card-model';
import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { LeadCard } from '../shared/LeadCard';
import { LeadEditForm } from './LeadEditForm';
import { Timeline } from './Timeline';
import { t } from '../../lib/i18n/i18n';

/** The open lead on the pipeline page: its card, every field editable, the full timeline. */
export function LeadDetail({ model, card }: { model: PipelineModel; card: LeadCardModel }) {
  const { lead, touchpoints } = card.view.value;
  const gmail = lead.emails[0]
    ? `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(lead.emails.map((e) => `from:${e} OR to:${e}`).join(' OR '))}`
    : null;
  return (
    <aside class="ll-detail" aria-label={t('detail_label')}>
      <div class="ll-row-between">
        <nav class="ll-links" aria-label={t('detail_elsewhere')}>
          {lead.linkedinUrl && (
            <a href={lead.linkedinUrl} target="_blank" rel="noopener noreferrer">
              {t('detail_linkedin_profile')}
            </a>
          )}
          {gmail && (
            <a href={gmail} target="_blank" rel="noopener noreferrer">
              {t('detail_gmail')}
            </a>
          )}
        </nav>
        <button type="button" class="ll-icon-button" aria-label={t('detail_close')} onClick={() => model.openLead(undefined)}>
          ×
        </button>
      </div>
      {lead.owner && (
        <p class="ll-muted ll-owner" data-owner={lead.owner}>
          {t('detail_owner', { owner: lead.owner })}
        </p>
      )}
      <LeadCard card={card} timeline={<Timeline card={card} lead={lead} touchpoints={touchpoints} />} />
      <LeadEditForm key={lead.id} card={card} />
      <button type="button" class="ll-danger" onClick={() => void model.deleteLeads([lead.id])} disabled={model.busy.value}>
        {t('detail_delete')}
      </button>
    </aside>
  );
}
