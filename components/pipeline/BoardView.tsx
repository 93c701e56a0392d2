import { LATER, LOST } from '../../lib/pipeline/constants';
import { stageLabel } from '../../lib/i18n/labels';
import { formatNumber, t, textOf, tn } from '../../lib/i18n/i18n';
import type { LeadRow } from '../../lib/messaging/protocol';
import { toHash, type PipelineModel } from '../../lib/ui/pipeline-model';
import { LeadRowBadges } from './LeadRowBadges';
import { ErrorText } from '../shared/ErrorText';

/**
 * One column per stage, then Lost and Later. Drag a card with the mouse (or a pen or a finger:
 * pointer events), or focus it and press ← / → to move it one stage; Enter opens it. Dropping on
 * Lost asks for the reason, on Later for the re-engage date.
 */
export function BoardView({ model }: { model: PipelineModel }) {
  const board = model.board;
  const columns = board.columns.value;
  const stages = model.settings.value!.stages;
  const dragging = board.dragging.value;
  const pending = board.pending.value;
  const currency = model.settings.value!.currency;

  if (!columns) return <p aria-busy="true">{t('board_loading')}</p>;

  // Which column is under the pointer: a question for the DOM; the model does the rest.
  const columnAt = (x: number, y: number) => (document.elementFromPoint(x, y)?.closest('[data-stage]') as HTMLElement | null)?.dataset.stage ?? null;

  const onPointerDown = (e: PointerEvent, row: LeadRow) => {
    if (e.button !== 0) return;
    board.pointerDown(row, e.clientX, e.clientY);
    const move = (m: PointerEvent) => board.pointerMove(m.clientX, m.clientY, columnAt(m.clientX, m.clientY));
    const up = (u: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      void board.pointerUp(columnAt(u.clientX, u.clientY), stages);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent, row: LeadRow) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      model.openLead(row.id);
      return;
    }
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    // The card is drawn anew in its new column: keep the focus on it once the board redraws.
    void board.step(row, e.key === 'ArrowRight' ? 1 : -1, stages).then((moved) => {
      if (moved) requestAnimationFrame(() => (document.querySelector(`[data-lead="${CSS.escape(row.id)}"]`) as HTMLElement | null)?.focus());
    });
  };

  return (
    <section aria-label={t('view_board')}>
      <p class="ll-muted ll-hint">{t('board_hint')}</p>
      <ErrorText error={board.error.value} />
      {pending && (
        <div class="ll-drop-dialog" role="dialog" aria-label={t('board_move_dialog', { name: pending.name, stage: stageLabel(pending.to, stages) })}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void board.confirmPending(stages);
            }}
          >
            {pending.to === LOST ? (
              <label>
                {t('board_lost_why', { name: pending.name })}{' '}
                <input
                  value={board.reason.value}
                  required
                  maxLength={500}
                  onInput={(e) => (board.reason.value = (e.currentTarget as HTMLInputElement).value)}
                  ref={(el) => el?.focus()}
                />
              </label>
            ) : (
              <label>
                {t('board_reengage', { name: pending.name })}{' '}
                <input
                  type="date"
                  value={board.reengageOn.value}
                  required
                  onInput={(e) => (board.reengageOn.value = (e.currentTarget as HTMLInputElement).value)}
                />
              </label>
            )}{' '}
            <button type="submit">{pending.to === LOST ? t('stage_mark_lost') : t('stage_park')}</button>{' '}
            <button type="button" onClick={() => board.cancelPending()}>
              {t('common_cancel')}
            </button>
          </form>
        </div>
      )}
      <div class="ll-board">
        {columns.map((col) => (
          <section
            key={col.stage}
            class={`ll-column${dragging?.over === col.stage ? ' ll-drop-target' : ''}${col.stage === LOST || col.stage === LATER ? ' ll-column-closed' : ''}`}
            data-stage={col.stage}
            aria-label={t('board_column', { stage: stageLabel(col.stage, stages), leads: tn('leads', col.total) })}
          >
            <h2>
              {stageLabel(col.stage, stages)} <span class="ll-count">{formatNumber(col.total)}</span>
            </h2>
            <ul>
              {col.rows.map((row) => (
                <li key={row.id}>
                  <div
                    class={`ll-board-card${dragging?.id === row.id ? ' ll-dragging' : ''}`}
                    style={dragging?.id === row.id ? { transform: `translate(${dragging.dx}px, ${dragging.dy}px)` } : undefined}
                    tabIndex={0}
                    role="button"
                    aria-label={`${row.name}${row.company ? `, ${row.company}` : ''}`}
                    aria-roledescription={t('board_card_role')}
                    data-lead={row.id}
                    onPointerDown={(e) => onPointerDown(e, row)}
                    onKeyDown={(e) => onKeyDown(e, row)}
                  >
                    <strong class="ll-lead-name">{row.name}</strong>
                    {row.company && <span class="ll-muted">{row.company}</span>}
                    <LeadRowBadges row={row} currency={currency} today={model.today} />
                  </div>
                </li>
              ))}
            </ul>
            {col.total > col.rows.length && (
              <a class="ll-more" href={`#${toHash({ view: 'table', filter: { stage: col.stage }, sort: 'updated', desc: true })}`}>
                {tn('board_more', col.total - col.rows.length)}
              </a>
            )}
          </section>
        ))}
      </div>
      <p class="ll-sr" aria-live="polite">
        {textOf(board.announcement.value)}
      </p>
    </section>
  );
}
