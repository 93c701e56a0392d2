import { useState } from 'preact/hooks';
import { CHANNELS, DIRECTIONS } from '../../lib/pipeline/constants';
import type { Channel, Direction, Lead, Touchpoint } from '../../lib/pipeline/model';
import { stageName } from '../../lib/pipeline/stages';
import { CHANNEL_LABELS } from '../../lib/ui/quick-logs';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type Item = { kind: 'touch'; at: string; tp: Touchpoint } | { kind: 'stage'; at: string; from: string | null; to: string };

/** Touchpoints and stage changes, newest first; touchpoints can be edited and deleted. */
export function Timeline({ card, lead, touchpoints }: { card: LeadCardModel; lead: Lead; touchpoints: Touchpoint[] }) {
  const [editing, setEditing] = useState<string | null>(null);
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
              <span>{item.from === null ? `Captured in ${stageName(item.to, stages)}` : `${stageName(item.from, stages)} → ${stageName(item.to, stages)}`}</span>
              <time dateTime={item.at}>{when.format(new Date(item.at))}</time>
            </li>
          ) : editing === item.tp.id ? (
            <li key={item.tp.id}>
              <TouchpointEditor
                tp={item.tp}
                disabled={card.busy.value}
                onCancel={() => setEditing(null)}
                onSave={async (patch) => {
                  if (await card.updateTouchpoint(item.tp.id, patch)) setEditing(null);
                }}
              />
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
                <button type="button" class="ll-icon-button" aria-label={`Edit ${CHANNEL_LABELS[item.tp.channel]} of ${when.format(new Date(item.at))}`} onClick={() => setEditing(item.tp.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  class="ll-icon-button"
                  aria-label={`Delete ${CHANNEL_LABELS[item.tp.channel]} of ${when.format(new Date(item.at))}`}
                  disabled={card.busy.value}
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

function TouchpointEditor({
  tp,
  disabled,
  onSave,
  onCancel,
}: {
  tp: Touchpoint;
  disabled: boolean;
  onSave: (patch: { channel: Channel; direction: Direction; at: string; summary: string }) => void;
  onCancel: () => void;
}) {
  const [channel, setChannel] = useState<Channel>(tp.channel);
  const [direction, setDirection] = useState<Direction>(tp.direction);
  const [at, setAt] = useState(localInput(tp.at));
  const [summary, setSummary] = useState(tp.summary);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="ll-tp-edit"
      aria-label="Edit touchpoint"
      onSubmit={(e) => {
        e.preventDefault();
        const date = new Date(at);
        if (Number.isNaN(date.getTime())) {
          setError('Give a date and time.');
          return;
        }
        onSave({ channel, direction, at: date.toISOString(), summary });
      }}
    >
      <select aria-label="Channel" value={channel} onChange={(e) => setChannel((e.currentTarget as HTMLSelectElement).value as Channel)}>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </select>
      <select aria-label="Direction" value={direction} onChange={(e) => setDirection((e.currentTarget as HTMLSelectElement).value as Direction)}>
        {DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <input aria-label="When" type="datetime-local" value={at} required onInput={(e) => setAt((e.currentTarget as HTMLInputElement).value)} />
      <input aria-label="Summary" value={summary} maxLength={2000} onInput={(e) => setSummary((e.currentTarget as HTMLInputElement).value)} />
      {error && <span class="ll-error">{error}</span>}
      <button type="submit" disabled={disabled}>
        Save
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
