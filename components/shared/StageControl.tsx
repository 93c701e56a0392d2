import { LATER, LOST } from '../../lib/pipeline/constants';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';

/** The stage picker; Lost asks for a reason and Later for a re-engage date before moving. */
export function StageControl({ card }: { card: LeadCardModel }) {
  const { lead } = card.view.value;
  const stages = card.settings.stages;
  const pending = card.stagePick.value;
  return (
    <div class="ll-stage">
      <label class="ll-row">
        <span>Stage</span>
        <select value={pending ?? lead.stage} onChange={(e) => card.pickStage((e.currentTarget as HTMLSelectElement).value)}>
          {stages.map((s) => (
            <option value={s.id} key={s.id}>
              {s.name}
            </option>
          ))}
          <option value={LOST}>Lost</option>
          <option value={LATER}>Later (park)</option>
        </select>
      </label>
      {lead.stage === LOST && lead.lost && !pending && <p class="ll-muted">Lost: {lead.lost.reason}</p>}
      {lead.stage === LATER && lead.later && !pending && <p class="ll-muted">Parked until {lead.later.reengageOn}</p>}
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
              <span class="ll-sr">Why was it lost?</span>
              <input
                placeholder="Why was it lost?"
                value={card.lostReason.value}
                required
                maxLength={500}
                onInput={(e) => (card.lostReason.value = (e.currentTarget as HTMLInputElement).value)}
              />
            </label>
          ) : (
            <label>
              <span class="ll-sr">Re-engage on</span>
              <input
                type="date"
                value={card.reengageOn.value}
                required
                onInput={(e) => (card.reengageOn.value = (e.currentTarget as HTMLInputElement).value)}
              />
            </label>
          )}
          <button type="submit">{pending === LOST ? 'Mark lost' : 'Park'}</button>
          <button type="button" onClick={() => (card.stagePick.value = null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
