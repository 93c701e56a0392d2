import { CHANNELS, DIRECTIONS } from '../../lib/pipeline/constants';
import type { Channel, Direction, Lead, Touchpoint } from '../../lib/pipeline/model';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';
import { channelLabel, directionLabel, stageLabel } from '../../lib/i18n/labels';
import { formatDateTime, t, textOf } from '../../lib/i18n/i18n';

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
      <h3>{t('timeline_title')}</h3>
      <ol aria-label={t('timeline_title')}>
        {items.map((item) =>
          item.kind === 'stage' ? (
            <li key={`s-${item.at}-${item.to}`} class="ll-tl-stage">
              <span>
                {item.from === null
                  ? t('timeline_captured_in', { stage: stageLabel(item.to, stages) })
                  : `${stageLabel(item.from, stages)} → ${stageLabel(item.to, stages)}`}
              </span>
              <time dateTime={item.at}>{formatDateTime(item.at)}</time>
            </li>
          ) : editing === item.tp.id ? (
            <li key={item.tp.id}>
              <TouchpointEditor card={card} />
            </li>
          ) : (
            <li key={item.tp.id} class="ll-tl-touch">
              <span>
                <strong>{channelLabel(item.tp.channel)}</strong> <span class="ll-muted">{directionLabel(item.tp.direction)}</span> {item.tp.summary}{' '}
                {item.tp.url && (
                  <a href={item.tp.url} target="_blank" rel="noopener noreferrer">
                    {item.tp.url.startsWith('https://mail.google.com/') ? t('timeline_thread') : t('timeline_link')}
                  </a>
                )}
              </span>
              <time dateTime={item.at}>{formatDateTime(item.at)}</time>
              <span class="ll-tl-actions">
                <button
                  type="button"
                  class="ll-icon-button"
                  aria-label={t('timeline_edit', { what: channelLabel(item.tp.channel), when: formatDateTime(item.at) })}
                  onClick={() => card.editTouchpoint(item.tp)}
                >
                  {t('common_edit')}
                </button>
                <button
                  type="button"
                  class="ll-icon-button"
                  aria-label={t('timeline_delete', { what: channelLabel(item.tp.channel), when: formatDateTime(item.at) })}
                  onClick={() => {
                    if (confirm(t('timeline_delete_confirm'))) void card.deleteTouchpoint(item.tp.id);
                  }}
                >
                  {t('common_delete')}
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
      aria-label={t('timeline_edit_form')}
      onSubmit={(e) => {
        e.preventDefault();
        void card.saveTouchpoint();
      }}
    >
      <select
        aria-label={t('timeline_channel')}
        value={draft.channel}
        onChange={(e) => card.changeTouchpoint({ channel: (e.currentTarget as HTMLSelectElement).value as Channel })}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {channelLabel(c)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('timeline_direction')}
        value={draft.direction}
        onChange={(e) => card.changeTouchpoint({ direction: (e.currentTarget as HTMLSelectElement).value as Direction })}
      >
        {DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {directionLabel(d)}
          </option>
        ))}
      </select>
      <input
        aria-label={t('timeline_when')}
        type="datetime-local"
        value={draft.at}
        required
        onInput={(e) => card.changeTouchpoint({ at: (e.currentTarget as HTMLInputElement).value })}
      />
      <input
        aria-label={t('timeline_summary')}
        value={draft.summary}
        maxLength={2000}
        onInput={(e) => card.changeTouchpoint({ summary: (e.currentTarget as HTMLInputElement).value })}
      />
      {draft.error && <span class="ll-error">{textOf(draft.error)}</span>}
      <button type="submit">{t('common_save')}</button>
      <button type="button" onClick={() => card.editTouchpoint(null)}>
        {t('common_cancel')}
      </button>
    </form>
  );
}
