import { useState } from 'preact/hooks';
import { LATER, LOST } from '../../lib/pipeline/constants';
import type { Lead, StageDef } from '../../lib/pipeline/model';
import type { StageMove } from '../../lib/pipeline/stages';
import { localDay } from '../../lib/pipeline/time';

interface StageControlProps {
  lead: Lead;
  stages: StageDef[];
  disabled: boolean;
  onMove: (move: StageMove) => void;
}

/** The stage picker; Lost asks for a reason and Later for a re-engage date before moving. */
export function StageControl({ lead, stages, disabled, onMove }: StageControlProps) {
  const [pending, setPending] = useState<typeof LOST | typeof LATER | null>(null);
  const [reason, setReason] = useState('');
  const [day, setDay] = useState(() => localDay(new Date(Date.now() + 30 * 86_400_000)));

  return (
    <div class="ll-stage">
      <label class="ll-row">
        <span>Stage</span>
        <select
          value={pending ?? lead.stage}
          disabled={disabled}
          onChange={(e) => {
            const to = (e.currentTarget as HTMLSelectElement).value;
            if (to === LOST || to === LATER) setPending(to);
            else {
              setPending(null);
              onMove({ to });
            }
          }}
        >
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
            onMove(pending === LOST ? { to: LOST, reason } : { to: LATER, reengageOn: day });
            setPending(null);
          }}
        >
          {pending === LOST ? (
            <label>
              <span class="ll-sr">Why was it lost?</span>
              <input placeholder="Why was it lost?" value={reason} required onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
            </label>
          ) : (
            <label>
              <span class="ll-sr">Re-engage on</span>
              <input type="date" value={day} required onInput={(e) => setDay((e.currentTarget as HTMLInputElement).value)} />
            </label>
          )}
          <button type="submit">{pending === LOST ? 'Mark lost' : 'Park'}</button>
          <button type="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
