import type { Touchpoint } from '../../lib/pipeline/model';
import { CHANNEL_LABELS } from '../../lib/ui/quick-logs';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const ARROWS = { outbound: '→', inbound: '←', internal: '·' } as const;

/** The lead's recent touchpoints, newest first. */
export function TouchpointList({ touchpoints }: { touchpoints: Touchpoint[] }) {
  if (touchpoints.length === 0) return <p class="ll-muted">No touchpoints yet.</p>;
  return (
    <ol class="ll-touchpoints" aria-label="Recent touchpoints">
      {touchpoints.map((t) => (
        <li key={t.id}>
          <span class="ll-dir" title={t.direction}>
            {ARROWS[t.direction]}
          </span>
          <span class="ll-tp-main">
            <strong>{CHANNEL_LABELS[t.channel]}</strong> {t.summary && t.summary !== CHANNEL_LABELS[t.channel] ? t.summary : ''}
          </span>
          <time dateTime={t.at}>{when.format(new Date(t.at))}</time>
        </li>
      ))}
    </ol>
  );
}
