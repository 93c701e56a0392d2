/**
 * The virtualised table's data: pages of rows fetched on demand as the user scrolls, the total,
 * and the selection. Only the pages around the viewport are ever requested.
 */
import { signal } from '@preact/signals';
import type { LeadFilter, LeadRow, SortColumn } from '../messaging/protocol';
import type { Send } from './send';
import { rowsToCsv, type CsvWording } from '../import/csv';
import { runBusy } from './run-busy';
import type { SaveFile } from './backup-model';
import type { Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

export const PAGE_SIZE = 100;

export interface TableState {
  filter: LeadFilter;
  sort: SortColumn;
  desc: boolean;
}

export class TableModel {
  readonly total = signal<number | null>(null);
  /** Bumped when a page arrives, so the visible rows redraw. */
  readonly revision = signal(0);
  readonly selection = signal<ReadonlySet<string>>(new Set());
  readonly error = signal<Text | null>(null);
  /** The scrolled window: where the viewport starts and how tall it is, in pixels. */
  readonly viewport = signal({ scrollTop: 0, height: 600 });
  /** The search field as typed; it becomes the filter after a pause. */
  readonly searchText = signal('');
  readonly exporting = signal(false);
  readonly exportError = signal<Text | null>(null);
  private pages = new Map<number, LeadRow[]>();
  /** The previous answer's pages, shown until the new ones arrive (no flash of empty rows on a reload). */
  private stale = new Map<number, LeadRow[]>();
  private pending = new Set<number>();
  private state: TableState | null = null;
  private today = '';
  private generation = 0;

  constructor(private readonly send: Send) {}

  /** A new query (or the same one after a change): drops cached pages and loads the first. */
  async setQuery(state: TableState, today: string): Promise<void> {
    const same = JSON.stringify(state) === JSON.stringify(this.state);
    this.state = state;
    this.today = today;
    this.generation++;
    this.stale = same ? new Map([...this.stale, ...this.pages]) : new Map();
    this.pages = new Map();
    this.pending.clear();
    await this.fetch(0);
  }

  rowAt(index: number): LeadRow | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    return (this.pages.get(page) ?? this.stale.get(page))?.[index % PAGE_SIZE];
  }

  /** Makes sure rows [start, end) are loaded or on their way. */
  ensure(start: number, end: number): void {
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end - 1) / PAGE_SIZE); p++) {
      if (!this.pages.has(p) && !this.pending.has(p)) void this.fetch(p);
    }
  }

  private async fetch(page: number): Promise<void> {
    if (!this.state) return;
    const generation = this.generation;
    this.pending.add(page);
    try {
      const reply = await this.send('leads.table', { ...this.state, today: this.today, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (generation !== this.generation) return;
      this.pages.set(page, reply.rows);
      this.total.value = reply.total;
      this.revision.value++;
      this.error.value = null;
    } catch (error) {
      if (generation === this.generation) this.error.value = problemText(error);
    } finally {
      if (generation === this.generation) this.pending.delete(page);
    }
  }

  toggle(id: string, on: boolean): void {
    const next = new Set(this.selection.value);
    if (on) next.add(id);
    else next.delete(id);
    this.selection.value = next;
  }

  /** Selects the loaded rows (what the user can see), or clears. */
  selectLoaded(on: boolean): void {
    this.selection.value = on ? new Set([...this.pages.values()].flat().map((r) => r.id)) : new Set();
  }

  clearSelection(): void {
    this.selection.value = new Set();
  }

  /** Every row of the current query (for the CSV export). */
  async all(): Promise<LeadRow[]> {
    if (!this.state) return [];
    return this.send('leads.export', { ...this.state, today: this.today });
  }

  /** Saves every row of the current query as a CSV file. */
  exportCsv(wording: CsvWording, save: SaveFile): Promise<boolean> {
    return runBusy(this.exporting, this.exportError, async () => {
      const rows = await this.all();
      save(`leadline-leads-${this.today}.csv`, [rowsToCsv(rows, wording)], 'text/csv;charset=utf-8');
    });
  }
}
