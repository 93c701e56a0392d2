import type { ComponentChildren } from 'preact';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';
import { stageLabel } from '../../lib/i18n/labels';
import { formatDay, t } from '../../lib/i18n/i18n';
import { isStale, lastActivityDay } from '../../lib/pipeline/aggregates';
import { localDay } from '../../lib/pipeline/time';
import { FieldEditor } from './FieldEditor';
import { LogActions } from './LogActions';
import { NextStepPrompt } from './NextStepPrompt';
import { QualificationControl } from './QualificationControl';
import { StageControl } from './StageControl';
import { TemperatureView } from './TemperatureView';
import { TouchpointList } from './TouchpointList';
import { ErrorText } from './ErrorText';

/** Fields the card edits in place (the pipeline page's detail form edits the rest). */
const CARD_FIELDS_FULL = ['nextFollowUpOn', 'dealValue'] as const;
const CARD_FIELDS = ['nextFollowUpOn', 'dealValue', 'company', 'emails', 'tags', 'notes'] as const;

/** A known lead: stage, temperature with reasons, BANT, follow-up, touchpoints and logging. */
export function LeadCard({ card, timeline }: { card: LeadCardModel; timeline?: ComponentChildren }) {
  const { lead, touchpoints } = card.view.value;
  const stages = card.settings.stages;
  const editor = card.editor(card.full ? CARD_FIELDS_FULL : CARD_FIELDS);
  return (
    <article class="ll-card" aria-label={t('card_label', { name: lead.name })}>
      <h2 class="ll-name">{lead.name}</h2>
      {lead.headline && <p class="ll-headline">{lead.headline}</p>}
      <p class="ll-muted">
        {[lead.company, lead.location].filter(Boolean).join(' · ')}
        {' · '}
        <span data-testid="stage-name">{stageLabel(lead.stage, stages)}</span>
      </p>
      {isStale(lead, stages, localDay(new Date())) && (
        <p class="ll-stale" role="status">
          {t('card_rotting', { day: formatDay(lastActivityDay(lead)) })}
        </p>
      )}
      <StageControl card={card} />
      {!card.full && (
        <button type="button" class="ll-link-button" onClick={() => void card.openInPipeline()}>
          {t('card_open_in_pipeline')}
        </button>
      )}
      <TemperatureView
        temperature={lead.temperature}
        reasons={lead.temperatureReasons}
        stages={stages}
        override={lead.temperatureOverride}
        onOverride={(value) => void card.update({ temperatureOverride: value })}
      />
      <QualificationControl value={lead.qualification} onChange={(q) => void card.update({ qualification: q })} />
      <div class="ll-details">
        <FieldEditor model={editor} field="nextFollowUpOn" saveOnLeave />
        <FieldEditor model={editor} field="dealValue" label={t('field_deal_value_in', { currency: lead.currency })} saveOnLeave />
        {!card.full && (
          <>
            <FieldEditor model={editor} field="company" saveOnLeave />
            <FieldEditor model={editor} field="emails" saveOnLeave />
            <FieldEditor model={editor} field="tags" saveOnLeave />
            <FieldEditor model={editor} field="notes" saveOnLeave />
          </>
        )}
      </div>
      <LogActions card={card} />
      <NextStepPrompt card={card} />
      {timeline ?? <TouchpointList touchpoints={touchpoints} />}
      <ErrorText error={card.error.value} />
    </article>
  );
}
