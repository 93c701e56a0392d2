import { LATER, LOST } from '../../lib/pipeline/constants';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';
import { stageLabel } from '../../lib/i18n/labels';
import { formatDay, t } from '../../lib/i18n/i18n';

/** The stage picker; Lost asks for a reason and Later for a re-engage date before moving. */
export function StageControl({ card }: { card: LeadCardModel }) {
  const { lead } = card.view.value;
  const stages = card.settings.stages;
  const pending = card.stagePick.value;
  return (
    <div class="ll-stage">
      <label class="ll-row">
        <span>{t('stage_picker')}</span>
        <select value={pending ?? lead.stage} onChange={(e) => card.pickStage((e.currentTarget as HTMLSelectElement).value)}>
          {stages.map((s) => (
            <option value={s.id} key={s.id}>
              {stageLabel(s)}
            </option>
          ))}
          <option value={LOST}>{stageLabel(LOST)}</option>
          <option value={LATER}>{t('stage_later_park')}</option>
        </select>
      </label>
      {lead.stage === LOST && lead.lost && !pending && <p class="ll-muted">{t('stage_lost_because', { reason: lead.lost.reason })}</p>}
      {lead.stage === LATER && lead.later && !pending && <p class="ll-muted">{t('stage_parked_until', { day: formatDay(lead.later.reengageOn) })}</p>}
      {pending && (
        <form
          class="ll-row"
          onSubmit={(e) => {
            e.preventDefault();
            card.confirmStagePick();
          }}
        >
          {pending === LOST ? (
            <label>
              <span class="ll-sr">{t('stage_lost_why')}</span>
              <input
                placeholder={t('stage_lost_why')}
                value={card.lostReason.value}
                required
                maxLength={500}
                onInput={(e) => (card.lostReason.value = (e.currentTarget as HTMLInputElement).value)}
              />
            </label>
          ) : (
            <label>
              <span class="ll-sr">{t('stage_reengage_on')}</span>
              <input
                type="date"
                value={card.reengageOn.value}
                required
                onInput={(e) => (card.reengageOn.value = (e.currentTarget as HTMLInputElement).value)}
              />
            </label>
          )}
          <button type="submit">{pending === LOST ? t('stage_mark_lost') : t('stage_park')}</button>
          <button type="button" onClick={() => (card.stagePick.value = null)}>
            {t('common_cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
