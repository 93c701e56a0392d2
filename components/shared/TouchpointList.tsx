import type { Touchpoint } from '../../lib/pipeline/model';
import { channelLabel, directionLabel } from '../../lib/i18n/labels';
import { formatDateTime, t } from '../../lib/i18n/i18n';

const ARROWS = { outbound: '→', inbound: '←', internal: '·' } as const;

/** The lead's recent touchpoints, newest first. */
export function TouchpointList({ touchpoints }: { touchpoints: Touchpoint[] }) {
  if (touchpoints.length === 0) return <p class="ll-muted">{t('touchpoints_none')}</p>;
  return (
    <ol class="ll-touchpoints" aria-label={t('touchpoints_recent')}>
      {touchpoints.map((tp) => (
        <li key={tp.id}>
          <span class="ll-dir" title={directionLabel(tp.direction)}>
            {ARROWS[tp.direction]}
          </span>
          <span class="ll-tp-main">
            <strong>{channelLabel(tp.channel)}</strong> {tp.summary}
          </span>
          <time dateTime={tp.at}>{formatDateTime(tp.at)}</time>
        </li>
      ))}
    </ol>
  );
}
