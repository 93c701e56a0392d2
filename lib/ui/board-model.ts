/**
 * The board: columns (count + most recent cards per stage), moves between them, and the drag
 * state machine (pointer down → moved past a few pixels → dropped on a column). Dropping on Lost
 * asks for a reason, on Later for a re-engage date, before anything moves.
 */
import { signal } from '@preact/signals';
import type { BoardColumn, LeadRow } from '../messaging/protocol';
import { LATER, LOST } from '../pipeline/constants';
import type { StageDef } from '../pipeline/model';
import type { StageMove } from '../pipeline/stages';
import { stageLabel } from '../i18n/labels';
import { localDay } from '../pipeline/time';
import { runBusy } from './run-busy';
import type { Send } from './send';
import { t, type Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

/** Cards drawn per column; the rest is counted and reachable through the table. */
export const CARDS_PER_COLUMN = 50;
/** A pointer that moves less than this is a click (open the lead), not a drag. */
export const DRAG_THRESHOLD_PX = 5;

type CardRef = Pick<LeadRow, 'id' | 'name' | 'stage'>;

export interface DragState {
  id: string;
  dx: number;
  dy: number;
  /** The column under the pointer. */
  over: string | null;
}

export interface PendingDrop {
  id: string;
  name: string;
  to: typeof LOST | typeof LATER;
}

export class BoardModel {
  readonly columns = signal<BoardColumn[] | null>(null);
  readonly busy = signal(false);
  readonly error = signal<Text | null>(null);
  /** What a screen reader hears after a move. */
  readonly announcement = signal<Text>('');
  readonly dragging = signal<DragState | null>(null);
  /** A drop on Lost or Later waiting for its reason or date. */
  readonly pending = signal<PendingDrop | null>(null);
  readonly reason = signal('');
  readonly reengageOn = signal('');
  private today = '';
  private owner: string | undefined = undefined;
  private press: { card: CardRef; x: number; y: number; moved: boolean } | null = null;

  constructor(
    private readonly send: Send,
    private readonly openLead: (id: string) => void = () => {},
  ) {}

  /** Loads the columns; `owner`: one rep's leads only (kept for the board's own reloads). */
  async load(today: string, owner?: string): Promise<void> {
    this.today = today;
    this.owner = owner;
    try {
      this.columns.value = await this.send('board.get', { today, perColumn: CARDS_PER_COLUMN, ...(owner ? { owner } : {}) });
      this.error.value = null;
    } catch (error) {
      this.error.value = problemText(error);
    }
  }

  async move(id: string, move: StageMove, stages: StageDef[]): Promise<boolean> {
    const ok = await runBusy(this.busy, this.error, async () => {
      const { lead } = await this.send('lead.move', { id, move });
      this.announcement.value = () => t('board_moved', { name: lead.name, stage: stageLabel(move.to, stages) });
    });
    const refused = this.error.value;
    await this.load(this.today, this.owner);
    // The reload must not wipe why the move was refused.
    if (!ok) this.error.value = refused;
    return ok;
  }

  /** Moves a card to a column; Lost and Later first ask (see `pending`). */
  async moveTo(card: CardRef, to: string, stages: StageDef[]): Promise<void> {
    if (to === card.stage) return;
    if (to === LOST || to === LATER) {
      this.reason.value = '';
      this.reengageOn.value = localDay(new Date(Date.now() + 30 * 86_400_000));
      this.pending.value = { id: card.id, name: card.name, to };
      return;
    }
    await this.move(card.id, { to }, stages);
  }

  /** ← / → on a focused card: one funnel stage back or on. Lost and Later cards stay (the detail moves them). */
  async step(card: CardRef, by: -1 | 1, stages: StageDef[]): Promise<boolean> {
    const funnel = stages.map((s) => s.id);
    const at = funnel.indexOf(card.stage);
    const to = at < 0 ? undefined : funnel[at + by];
    if (!to) return false;
    await this.moveTo(card, to, stages);
    return true;
  }

  async confirmPending(stages: StageDef[]): Promise<void> {
    const pending = this.pending.value;
    if (!pending) return;
    const move: StageMove = pending.to === LOST ? { to: LOST, reason: this.reason.value.trim() } : { to: LATER, reengageOn: this.reengageOn.value };
    this.pending.value = null;
    await this.move(pending.id, move, stages);
  }

  cancelPending(): void {
    this.pending.value = null;
  }

  pointerDown(card: CardRef, x: number, y: number): void {
    this.press = { card, x, y, moved: false };
  }

  pointerMove(x: number, y: number, over: string | null): void {
    const p = this.press;
    if (!p) return;
    if (!p.moved && Math.hypot(x - p.x, y - p.y) < DRAG_THRESHOLD_PX) return;
    p.moved = true;
    this.dragging.value = { id: p.card.id, dx: x - p.x, dy: y - p.y, over };
  }

  /** Ends a press: a click opens the lead, a drag moves it to the column it was dropped on. */
  async pointerUp(over: string | null, stages: StageDef[]): Promise<void> {
    const p = this.press;
    this.press = null;
    this.dragging.value = null;
    if (!p) return;
    if (!p.moved) this.openLead(p.card.id);
    else if (over) await this.moveTo(p.card, over, stages);
  }
}
