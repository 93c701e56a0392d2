import { useRef, useState } from 'preact/hooks';
import { LATER, LOST } from '../../lib/pipeline/constants';
import { stageName, type StageMove } from '../../lib/pipeline/stages';
import { localDay } from '../../lib/pipeline/time';
import type { LeadRow } from '../../lib/messaging/protocol';
import { toHash, type PipelineModel } from '../../lib/ui/pipeline-model';
import { LeadRowBadges } from './LeadRowBadges';

interface Drag {
  id: string;
  name: string;
  from: string;
  x: number;
  y: number;
  moved: boolean;
}

interface PendingDrop {
  id: string;
  name: string;
  to: typeof LOST | typeof LATER;
}

/**
 * One column per stage, then Lost and Later. Drag a card with the mouse (or a pen or a finger:
 * pointer events), or focus it and press ← / → to move it one stage; Enter opens it. Dropping on
 * Lost asks for the reason, on Later for the re-engage date.
 */
export function BoardView({ model }: { model: PipelineModel }) {
  const board = model.board;
  const columns = board.columns.value;
  const stages = model.settings.value!.stages;
  const drag = useRef<Drag | null>(null);
  const [dragging, setDragging] = useState<{ id: string; dx: number; dy: number; over: string | null } | null>(null);
  const [pending, setPending] = useState<PendingDrop | null>(null);
  const [reason, setReason] = useState('');
  const [day, setDay] = useState(() => localDay(new Date(Date.now() + 30 * 86_400_000)));
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: model.settings.value!.currency, maximumFractionDigits: 0 });

  if (!columns) return <p aria-busy="true">Loading the board…</p>;
  const funnel = stages.map((s) => s.id);

  const moveTo = async (row: Pick<LeadRow, 'id' | 'name' | 'stage'>, to: string): Promise<void> => {
    if (to === row.stage) return;
    if (to === LOST || to === LATER) {
      setReason('');
      setPending({ id: row.id, name: row.name, to });
      return;
    }
    await board.move(row.id, { to }, stageName(to, stages));
  };

  const columnAt = (x: number, y: number) => (document.elementFromPoint(x, y)?.closest('[data-stage]') as HTMLElement | null)?.dataset.stage ?? null;

  const onPointerDown = (e: PointerEvent, row: LeadRow) => {
    if (e.button !== 0) return;
    drag.current = { id: row.id, name: row.name, from: row.stage, x: e.clientX, y: e.clientY, moved: false };
    const move = (m: PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      if (!d.moved && Math.hypot(m.clientX - d.x, m.clientY - d.y) < 5) return;
      d.moved = true;
      setDragging({ id: d.id, dx: m.clientX - d.x, dy: m.clientY - d.y, over: columnAt(m.clientX, m.clientY) });
    };
    const up = (u: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      const d = drag.current;
      drag.current = null;
      setDragging(null);
      if (!d) return;
      if (!d.moved) {
        model.openLead(d.id);
        return;
      }
      const to = columnAt(u.clientX, u.clientY);
      if (to) void moveTo({ id: d.id, name: d.name, stage: d.from }, to);
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
    const at = funnel.indexOf(row.stage);
    if (at < 0) return; // Lost and Later return through the detail's stage picker.
    const to = funnel[at + (e.key === 'ArrowRight' ? 1 : -1)];
    if (to) {
      // The card is drawn anew in its new column: keep the focus on it once the board redraws.
      void moveTo(row, to).then(() => requestAnimationFrame(() => (document.querySelector(`[data-lead="${CSS.escape(row.id)}"]`) as HTMLElement | null)?.focus()));
    }
  };

  const submitPending = (e: Event) => {
    e.preventDefault();
    if (!pending) return;
    const move: StageMove = pending.to === LOST ? { to: LOST, reason: reason.trim() } : { to: LATER, reengageOn: day };
    void board.move(pending.id, move, stageName(pending.to, stages));
    setPending(null);
  };

  return (
    <section aria-label="Board">
      <p class="ll-muted ll-hint">Drag a card to another column, or focus it and press ← / →. Enter opens it.</p>
      {board.error.value && (
        <p class="ll-error" role="alert">
          {board.error.value}
        </p>
      )}
      {pending && (
        <div class="ll-drop-dialog" role="dialog" aria-label={`Move ${pending.name} to ${stageName(pending.to, stages)}`}>
        <form onSubmit={submitPending}>
          {pending.to === LOST ? (
            <label>
              Why was {pending.name} lost?{' '}
              <input value={reason} required maxLength={500} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} ref={(el) => el?.focus()} />
            </label>
          ) : (
            <label>
              Re-engage {pending.name} on <input type="date" value={day} required onInput={(e) => setDay((e.currentTarget as HTMLInputElement).value)} />
            </label>
          )}{' '}
          <button type="submit">{pending.to === LOST ? 'Mark lost' : 'Park'}</button>{' '}
          <button type="button" onClick={() => setPending(null)}>
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
