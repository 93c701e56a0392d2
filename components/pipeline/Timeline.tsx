import { CHANNELS, DIRECTIONS } from '../../lib/pipeline/constants';
import type { Channel, Direction, Lead, Touchpoint } from '../../lib/pipeline/model';
import { stageName } from '../../lib/pipeline/stages';
import { CHANNEL_LABELS } from '../../lib/ui/quick-logs';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Item = { kind: 'touch'; at: string; tp: Touchpoint } | { kind: 'stage'; at: string; from: string | null; to: string };

/** Touchpoints and stage changes, newest first; touchpoints can be edited and deleted. */
export function Timeline({ card, lead, touchpoints }: { card: LeadCardModel; lead: Lead; touchpoints: Touchpoint[] }) {
  const editing = card.touchpointDraft.value?.id ?? null;
  const stages = card.settings.stages;
  const items: Item[] = [
    ...touchpoints.map((tp) => ({ kind: 'touch' as const, at: tp.at, tp })),
    ...lead.stageHistory.map((c) => ({ kind: 'stage' as const, at: c.at, from: c.from, to: c.to })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <section class="ll-timeline">
      <h3>Timeline</h3>
      <ol aria-label="Timeline">
        {items.map((item) =>
          item.kind === 'stage' ? (
            <li key={`s-${item.at}-${item.to}`} class="ll-tl-stage">
              <span>
                {item.from === null ? `Captured in ${stageName(item.to, stages)}` : `${stageName(item.from, stages)} → ${stageName(item.to, stages)}`}
              </span>
              <time dateTime={item.at}>{when.format(new Date(item.at))}</time>
            </li>
          ) : editing === item.tp.id ? (
            <li key={item.tp.id}>
              <TouchpointEditor card={card} />
            </li>
          ) : (
            <li key={item.tp.id} class="ll-tl-touch">
              <span>
                <strong>{CHANNEL_LABELS[item.tp.channel]}</strong> <span class="ll-muted">{item.tp.direction}</span> {item.tp.summary}{' '}
                {item.tp.url && (
                  <a href={item.tp.url} target="_blank" rel="noopener noreferrer">
                    {item.tp.url.startsWith('https://mail.google.com/') ? 'thread' : 'link'}
                  </a>
                )}
              </span>
              <time dateTime={item.at}>{when.format(new Date(item.at))}</time>
              <span class="ll-tl-actions">
                <button
                  type="button"
                  class="ll-icon-button"
                  aria-label={`Edit ${CHANNEL_LABELS[item.tp.channel]} of ${when.format(new Date(item.at))}`}
                  onClick={() => card.editTouchpoint(item.tp)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  class="ll-icon-button"
                  aria-label={`Delete ${CHANNEL_LABELS[item.tp.channel]} of ${when.format(new Date(item.at))}`}
                  onClick={() => {
                    if (confirm('Delete this touchpoint?')) void card.deleteTouchpoint(item.tp.id);
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

function TouchpointEditor({ card }: { card: LeadCardModel }) {
  const draft = card.touchpointDraft.value;
  if (!draft) return null;
  return (
    <form
      class="ll-tp-edit"
      aria-label="Edit touchpoint"
      onSubmit={(e) => {
        e.preventDefault();
        void card.saveTouchpoint();
      }}
    >
      <select
        aria-label="Channel"
        value={draft.channel}
        onChange={(e) => card.changeTouchpoint({ channel: (e.currentTarget as HTMLSelectElement).value as Channel })}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </select>
      <select
        aria-label="Direction"
        value={draft.direction}
        onChange={(e) => card.changeTouchpoint({ direction: (e.currentTarget as HTMLSelectElement).value as Direction })}
      >
        {DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <input
        aria-label="When"
        type="datetime-local"
        value={draft.at}
        required
        onInput={(e) => card.changeTouchpoint({ at: (e.currentTarget as HTMLInputElement).value })}
      />
      <input
        aria-label="Summary"
        value={draft.summary}
        maxLength={2000}
        onInput={(e) => card.changeTouchpoint({ summary: (e.currentTarget as HTMLInputElement).value })}
      />
      {draft.error && <span class="ll-error">{draft.error}</span>}
      <button type="submit">Save</button>
      <button type="button" onClick={() => card.editTouchpoint(null)}>
        Cancel
      </button>
    </form>
  );
}
