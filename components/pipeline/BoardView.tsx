import { LATER, LOST } from '../../lib/pipeline/constants';
import { stageName } from '../../lib/pipeline/stages';
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
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: model.settings.value!.currency, maximumFractionDigits: 0 });

  if (!columns) return <p aria-busy="true">Loading the board…</p>;

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
    <section aria-label="Board">
      <p class="ll-muted ll-hint">Drag a card to another column, or focus it and press ← / →. Enter opens it.</p>
      <ErrorText error={board.error.value} />
      {pending && (
        <div class="ll-drop-dialog" role="dialog" aria-label={`Move ${pending.name} to ${stageName(pending.to, stages)}`}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void board.confirmPending(stages);
            }}
          >
            {pending.to === LOST ? (
              <label>
                Why was {pending.name} lost?{' '}
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
                Re-engage {pending.name} on{' '}
                <input
                  type="date"
                  value={board.reengageOn.value}
                  required
                  onInput={(e) => (board.reengageOn.value = (e.currentTarget as HTMLInputElement).value)}
                />
              </label>
            )}{' '}
            <button type="submit">{pending.to === LOST ? 'Mark lost' : 'Park'}</button>{' '}
            <button type="button" onClick={() => board.cancelPending()}>
              Cancel
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
            aria-label={`${stageName(col.stage, stages)}: ${col.total} leads`}
          >
            <h2>
              {stageName(col.stage, stages)} <span class="ll-count">{col.total}</span>
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
                    aria-roledescription="draggable lead card"
                    data-lead={row.id}
                    onPointerDown={(e) => onPointerDown(e, row)}
                    onKeyDown={(e) => onKeyDown(e, row)}
                  >
                    <strong class="ll-lead-name">{row.name}</strong>
                    {row.company && <span class="ll-muted">{row.company}</span>}
                    <LeadRowBadges row={row} money={money} />
                  </div>
                </li>
              ))}
            </ul>
            {col.total > col.rows.length && (
              <a class="ll-more" href={`#${toHash({ view: 'table', filter: { stage: col.stage }, sort: 'updated', desc: true })}`}>
                {col.total - col.rows.length} more in the table
              </a>
            )}
          </section>
        ))}
      </div>
      <p class="ll-sr" aria-live="polite">
        {board.announcement.value}
      </p>
    </section>
  );
}
