/** The board's columns (count + most recent cards per stage) and moves between them. */
import { signal } from '@preact/signals';
import type { BoardColumn } from '../messaging/protocol';
import type { StageMove } from '../pipeline/stages';
import { runBusy } from './run-busy';
import type { Send } from './send';

/** Cards drawn per column; the rest is counted and reachable through the table. */
export const CARDS_PER_COLUMN = 50;

export class BoardModel {
  readonly columns = signal<BoardColumn[] | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  /** What a screen reader hears after a move. */
  readonly announcement = signal('');
  private today = '';

  constructor(private readonly send: Send) {}

  async load(today: string): Promise<void> {
    this.today = today;
    try {
      this.columns.value = await this.send('board.get', { today, perColumn: CARDS_PER_COLUMN });
      this.error.value = null;
    } catch (error) {
      this.error.value = (error as Error).message;
    }
  }

  async move(id: string, move: StageMove, label: string): Promise<boolean> {
    const ok = await runBusy(this.busy, this.error, async () => {
      const { lead } = await this.send('lead.move', { id, move });
      this.announcement.value = `${lead.name} moved to ${label}.`;
    });
    await this.load(this.today);
    return ok;
  }
}
