import { formatDay, t } from '../../lib/i18n/i18n';
import { stageLabel } from '../../lib/i18n/labels';
import type { NextStepRule } from '../../lib/pipeline/next-step';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';

const WHY: Record<NextStepRule, () => string> = {
  'first-outbound': () => t('next_why_first_outbound'),
  reply: () => t('next_why_reply'),
  'meeting-held': () => t('next_why_meeting_held'),
};

/** After a touchpoint: the stage it implies, and the follow-up that was due — each one click. */
export function NextStepPrompt({ card }: { card: LeadCardModel }) {
  const step = card.nextStep.value;
  if (!step) return null;
  const stages = card.settings.stages;
  return (
    <section class="ll-next-step" aria-label={t('next_step_label')}>
      {step.suggestion && (
        <div class="ll-next-row">
          <span>{WHY[step.suggestion.rule]()}</span>
          <button type="button" class="ll-accent-button" onClick={() => void card.acceptSuggestion()}>
            {t('next_move_to', { stage: stageLabel(step.suggestion.to, stages) })}
          </button>
          <button type="button" onClick={() => card.dismissSuggestion()}>
            {t('next_not_now')}
          </button>
        </div>
      )}
      {step.dueOn && (
        <div class="ll-next-row">
          <span>{t('next_followup_was_due', { day: formatDay(step.dueOn) })}</span>
          <button type="button" onClick={() => void card.setFollowUp(null)}>
            {t('next_followup_done')}
          </button>
          <button type="button" onClick={() => void card.snoozeFollowUp(1)}>
            {t('next_snooze_day')}
          </button>
          <button type="button" onClick={() => void card.snoozeFollowUp(3)}>
            {t('next_snooze_3days')}
          </button>
          <button type="button" onClick={() => void card.snoozeFollowUp(7)}>
            {t('next_snooze_week')}
          </button>
          <label class="ll-next-day">
            <span>{t('next_followup_other_day')}</span>
            <input
              type="date"
              min="1970-01-01"
              max="2199-12-31"
              onChange={(e) => {
                const day = (e.currentTarget as HTMLInputElement).value;
                if (/^\d{4}-\d{2}-\d{2}$/.test(day) && day >= '1970-01-01') void card.setFollowUp(day);
              }}
            />
          </label>
        </div>
      )}
    </section>
  );
}
