/**
 * The pipeline page's state. The address holds the view, the table's filters and sort and the
 * open lead (`#view=table&stage=qualified&sort=value&desc=1&lead=<id>`), so back/forward and
 * links from the popup work. Each view has its own small model; this one routes and undoes.
 */
import { signal } from '@preact/signals';
import type { LeadFilter, SettingsProblem, SortColumn } from '../messaging/protocol';
import type { Aggregates } from '../pipeline/aggregates';
import type { LeadSource, Temperature } from '../pipeline/model';
import { LEAD_SOURCES, SORT_COLUMNS } from '../pipeline/constants';
import type { Settings } from '../settings/settings';
import { localDay } from '../pipeline/time';
import { LeadCardModel } from './lead-card-model';
import { runBusy } from './run-busy';
import type { Send } from './send';
import type { SyncModel } from './sync-model';
import { TableModel } from './table-model';
import { BoardModel } from './board-model';
import { BackupModel, type BackupService, type SaveFile } from './backup-model';
import { DuplicatesModel } from './duplicates-model';
import { ImportModel } from './import-model';
import { SettingsModel } from './settings-model';
import { PlannerModel } from './planner-model';
import { AccountsModel } from './accounts-model';
import { tn, type MessageKey, type Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';
import { InsightsModel, parsePeriod, writePeriod } from './insights-model';
import type { InsightsPeriod } from '../pipeline/insights';

export const VIEWS = ['board', 'table', 'insights', 'accounts', 'duplicates', 'planner', 'data', 'settings'] as const;
export type View = (typeof VIEWS)[number];
/** Each view's tab (catalogue keys). */
export const VIEW_LABELS: Record<View, MessageKey> = {
  board: 'view_board',
  table: 'view_table',
  insights: 'view_insights',
  accounts: 'view_accounts',
  duplicates: 'view_duplicates',
  planner: 'view_planner',
  data: 'view_data',
  settings: 'view_settings',
};

export interface Route {
  view: View;
  filter: LeadFilter;
  sort: SortColumn;
  desc: boolean;
  /** The Insights view's period (its source and tag are the filter's). */
  period: InsightsPeriod;
  lead?: string;
}

/** `#view=table&temperature=hot&lead=<id>` → route. Filters without a view open the table. */
export function parseHash(hash: string): Route {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const t = p.get('temperature');
  const filter: LeadFilter = {
    stage: p.get('stage') || undefined,
    temperature: t === 'hot' || t === 'warm' || t === 'cold' ? (t as Temperature) : undefined,
    source: (LEAD_SOURCES as readonly string[]).includes(p.get('source') ?? '') ? (p.get('source') as LeadSource) : undefined,
    tag: p.get('tag') || undefined,
    stale: p.get('stale') === '1' || undefined,
    due: p.get('due') === '1' || undefined,
    text: p.get('q') || undefined,
    owner: p.get('owner') || undefined,
  };
  // "My leads" applies to the board as well: alone, it does not switch to the table.
  const hasFilter = Object.entries(filter).some(([k, v]) => k !== 'owner' && v !== undefined);
  const view = (VIEWS as readonly string[]).includes(p.get('view') ?? '') ? (p.get('view') as View) : hasFilter ? 'table' : 'board';
  const sort = (SORT_COLUMNS as readonly string[]).includes(p.get('sort') ?? '') ? (p.get('sort') as SortColumn) : 'updated';
  return { view, filter, sort, desc: p.has('sort') ? p.get('desc') === '1' : true, period: parsePeriod(p), lead: p.get('lead') || undefined };
}

export function toHash(route: Partial<Route>): string {
  const p = new URLSearchParams();
  if (route.view && route.view !== 'board') p.set('view', route.view);
  const f = route.filter ?? {};
  if (f.stage) p.set('stage', f.stage);
  if (f.temperature) p.set('temperature', f.temperature);
  if (f.source) p.set('source', f.source);
  if (f.tag) p.set('tag', f.tag);
  if (f.stale) p.set('stale', '1');
  if (f.due) p.set('due', '1');
  if (f.text) p.set('q', f.text);
  if (f.owner) p.set('owner', f.owner);
  if (route.sort && (route.sort !== 'updated' || route.desc === false)) {
    p.set('sort', route.sort);
    if (route.desc) p.set('desc', '1');
  }
  if (route.period) writePeriod(p, route.period);
  if (route.lead) p.set('lead', route.lead);
  return p.toString();
}

export interface UndoOffer {
  batchId: string;
  text: Text;
}

export class PipelineModel {
  readonly route = signal<Route>(parseHash(''));
  readonly settings = signal<Settings | null>(null);
  readonly aggregates = signal<Aggregates | null>(null);
  /** Why the stored settings could not be read (defaults in use until the user saves); null when they were. */
  readonly settingsProblem = signal<SettingsProblem | null>(null);
  readonly selected = signal<LeadCardModel | null>(null);
  readonly undo = signal<UndoOffer | null>(null);
  readonly busy = signal(false);
  readonly error = signal<Text | null>(null);
  readonly table: TableModel;
  readonly board: BoardModel;
  readonly duplicates: DuplicatesModel;
  readonly imports: ImportModel;
  readonly backup: BackupModel;
  readonly accounts: AccountsModel;
  /** The Settings view's draft; made when settings first load. */
  readonly settingsDraft = signal<SettingsModel | null>(null);
  /** The planner's inputs; made when the planner is first opened, from the measured funnel. */
  readonly planner = signal<PlannerModel | null>(null);
  readonly insights: InsightsModel;
  /** Settings' Team sync section; set by the page, which can ask the browser for permissions. */
  sync: SyncModel | null = null;

  constructor(
    readonly send: Send,
    backupService: BackupService,
    readonly saveFile: SaveFile,
  ) {
    this.table = new TableModel(send);
    this.board = new BoardModel(send, (id) => this.openLead(id));
    this.duplicates = new DuplicatesModel(send);
    this.imports = new ImportModel(send);
    this.backup = new BackupModel(send, backupService, saveFile);
    this.insights = new InsightsModel(send, saveFile);
    this.accounts = new AccountsModel(send);
  }

  get today(): string {
    return localDay(new Date());
  }

  async fromHash(hash: string): Promise<void> {
    const before = this.route.value;
    const next = parseHash(hash);
    this.route.value = next;
    const sameData = before.view === next.view && toHash({ ...before, lead: undefined }) === toHash({ ...next, lead: undefined });
    await (sameData && this.settings.value ? this.loadLead() : this.load());
  }

  /** Goes to a route through the address (history entry, shareable). */
  go(change: Partial<Route>): void {
    const next = { ...this.route.value, ...change };
    location.hash = toHash(next);
  }

  openLead(id: string | undefined): void {
    this.go({ lead: id });
  }

  /** Loads what the current view shows; also the answer to a "changed" event. */
  async load(): Promise<void> {
    try {
      const r = this.route.value;
      // The Insights figures do not wait for the settings: asked for at once, awaited below.
      const insights =
        r.view === 'insights' ? this.insights.load({ period: r.period, source: r.filter.source ?? null, tag: r.filter.tag ?? null }, this.today) : null;
      const [settings, summary] = await Promise.all([this.send('settings.get', {}), this.send('summary.get', {})]);
      this.settings.value = settings;
      this.aggregates.value = summary.aggregates;
      this.settingsProblem.value = summary.settingsProblem;
      if (this.settingsDraft.value) this.settingsDraft.value.stored(settings);
      else this.settingsDraft.value = new SettingsModel(this.send, settings);
      if (r.view === 'duplicates') await this.duplicates.load();
      if (r.view === 'planner' && !this.planner.value) this.planner.value = new PlannerModel(summary.aggregates, settings.stages);
      if (r.view === 'table') await this.table.setQuery({ filter: r.filter, sort: r.sort, desc: r.desc }, this.today);
      if (r.view === 'board') await this.board.load(this.today, r.filter.owner);
      if (r.view === 'accounts') await this.accounts.load();
      await insights;
      this.error.value = null;
      // After the reset: a lead that cannot be opened says so.
      await this.loadLead();
    } catch (error) {
      this.error.value = problemText(error);
    }
  }

  private async loadLead(): Promise<void> {
    const id = this.route.value.lead;
    if (!id) {
      this.selected.value = null;
      return;
    }
    try {
      const view = await this.send('lead.timeline', { id });
      const current = this.selected.value;
      if (current?.id === id) current.setView(view);
      else this.selected.value = new LeadCardModel(this.send, view, this.settings.value!, null, true);
    } catch (error) {
      this.selected.value = null;
      this.error.value = problemText(error);
    }
  }

  /** Deletes leads into the trash and offers to undo. */
  async deleteLeads(ids: string[]): Promise<void> {
    await runBusy(this.busy, this.error, async () => {
      const { batchId, count } = await this.send('leads.delete', { ids });
      this.undo.value = { batchId, text: () => tn('leads_deleted', count) };
      this.table.clearSelection();
      if (this.route.value.lead && ids.includes(this.route.value.lead)) this.openLead(undefined);
    });
  }

  async undoDelete(): Promise<void> {
    const offer = this.undo.value;
    if (!offer) return;
    await runBusy(this.busy, this.error, async () => {
      await this.send('leads.undelete', { batchId: offer.batchId });
      this.undo.value = null;
    });
  }
}
