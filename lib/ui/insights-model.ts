/**
 * The Insights view's state: the question in the address (`#view=insights&period=quarter&source=gmail`,
 * `period=custom&from=2026-01&to=2026-06`, `tag=q4`), the figures the background computed for it,
 * which formulas and chart tables are open, and the exports (CSV of every table, a PNG image).
 */
import { signal } from '@preact/signals';
import type { InsightsReply } from '../messaging/protocol';
import { LEAD_SOURCES } from '../pipeline/constants';
import type { InsightsPeriod } from '../pipeline/insights';
import type { LeadSource, StageDef } from '../pipeline/model';
import type { SaveFile } from './backup-model';
import { insightsTables, tablesToCsv, type InsightsTable } from './insights-tables';
import { runBusy } from './run-busy';
import type { Send } from './send';

/** What the Insights view is asked for: a period and at most one of a source and a tag. */
export interface InsightsRoute {
  period: InsightsPeriod;
  source: LeadSource | null;
  tag: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PERIODS = ['month', 'quarter', 'year', 'all'] as const;

/** The period in the address; anything unreadable is all time. */
export function parsePeriod(params: URLSearchParams): InsightsPeriod {
  const period = params.get('period');
  if ((PERIODS as readonly (string | null)[]).includes(period)) return period as InsightsPeriod;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (period === 'custom' && MONTH.test(from) && MONTH.test(to) && from <= to) return { from, to };
  return 'all';
}

/** Writes a period into address parameters (all time, the default, writes nothing). */
export function writePeriod(params: URLSearchParams, period: InsightsPeriod): void {
  if (period === 'all') return;
  if (typeof period === 'string') {
    params.set('period', period);
    return;
  }
  params.set('period', 'custom');
  params.set('from', period.from);
  params.set('to', period.to);
}

/** The six months up to `today`'s: where a custom range starts. */
export function defaultRange(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - 5, 1));
  return { from: start.toISOString().slice(0, 7), to: today.slice(0, 7) };
}

export const isLeadSource = (value: string): value is LeadSource => (LEAD_SOURCES as readonly string[]).includes(value);

export class InsightsModel {
  readonly reply = signal<InsightsReply | null>(null);
  /** The question `reply` answers. */
  readonly shown = signal<InsightsRoute | null>(null);
  readonly error = signal<string | null>(null);
  readonly loading = signal(false);
  readonly exporting = signal(false);
  /** Ids of the formulas shown (e.g. `winRate`), and of the charts whose table is shown (e.g. `funnel`). */
  readonly openFormulas = signal<ReadonlySet<string>>(new Set());
  readonly openTables = signal<ReadonlySet<string>>(new Set());
  private seq = 0;

  constructor(
    private readonly send: Send,
    private readonly save: SaveFile,
  ) {}

  /** Asks the background for the figures; an answer to an older question is dropped. */
  async load(route: InsightsRoute, today: string): Promise<void> {
    const seq = ++this.seq;
    this.loading.value = true;
    try {
      // A tag and a source together cannot be asked for: the tag, the narrower choice, wins.
      const reply = await this.send('insights.get', { period: route.period, today, source: route.tag ? null : route.source, tag: route.tag });
      if (seq !== this.seq) return;
      this.reply.value = reply;
      this.shown.value = { ...route, source: route.tag ? null : route.source };
      this.error.value = null;
    } catch (error) {
      if (seq === this.seq) this.error.value = (error as Error).message;
    } finally {
      if (seq === this.seq) this.loading.value = false;
    }
  }

  toggleFormula(id: string): void {
    this.openFormulas.value = toggled(this.openFormulas.value, id);
  }

  toggleTable(id: string): void {
    this.openTables.value = toggled(this.openTables.value, id);
  }

  /** Every table of the view, as shown (null before figures arrive or when none can be computed). */
  tables(stages: StageDef[], currency: string): InsightsTable[] | null {
    const reply = this.reply.value;
    return reply && reply.insights.status === 'ready' ? insightsTables(reply.insights, stages, currency) : null;
  }

  /** Saves every table of the view as one CSV file, each under its title. */
  exportCsv(stages: StageDef[], currency: string, today: string): Promise<boolean> {
    return runBusy(this.exporting, this.error, async () => {
      const tables = this.tables(stages, currency);
      if (!tables) throw new Error('No figures to export yet.');
      this.save(`leadline-insights-${today}.csv`, [tablesToCsv(tables)], 'text/csv;charset=utf-8');
    });
  }

  /** Saves an image the page drew (`draw` renders the charts and tables to a PNG). */
  exportImage(draw: () => Promise<Blob>, today: string): Promise<boolean> {
    return runBusy(this.exporting, this.error, async () => {
      this.save(`leadline-insights-${today}.png`, [await draw()], 'image/png');
    });
  }
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
