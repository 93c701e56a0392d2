/** The background's message handlers: small named functions over the repository. */
import type { Handlers } from '../messaging/server';
import { importRow, type LeadSummary, type LeadView } from '../messaging/protocol';
import { describeZodError } from '../messaging/server';
import { NotFoundError, type ImportResult, type Repository } from '../db/repository';
import type { Lead } from '../pipeline/model';
import { LeadQueries } from '../db/lead-query';
import type { Db } from '../db/schema';

/** How many recent touchpoints a lead view carries. */
export const RECENT_TOUCHPOINTS = 8;

export function createHandlers(repo: Repository, db: Db, notify: (leadIds: string[]) => void, openPipeline: (hash: string) => Promise<void> = async () => {}): Handlers {
  const queries = new LeadQueries(db);
  const changed = (leadIds: string[]) => {
    queries.invalidate();
    notify(leadIds);
  };
  const view = async (lead: Lead): Promise<LeadView> => ({ lead, touchpoints: await repo.touchpointsOf(lead.id, RECENT_TOUCHPOINTS) });
  const mustGet = async (id: string) => {
    const lead = await repo.get(id);
    if (!lead) throw new NotFoundError(`No lead with id ${id}.`);
    return lead;
  };

  const summaries = (leads: Lead[]): Promise<LeadSummary[]> =>
    Promise.all(
      leads.map(async (l) => ({
        id: l.id,
        name: l.name,
        company: l.company,
        stage: l.stage,
        temperature: l.temperature,
        nextFollowUpOn: l.nextFollowUpOn,
        openUrl: await repo.openUrlOf(l),
      })),
    );

  return {
    async 'leads.search'({ query, limit }) {
      return summaries(await repo.search(query, limit));
    },
    async 'leads.due'({ today }) {
      return summaries(await repo.dueFollowUps(today));
    },
    async 'lead.capture'(fields) {
      const { lead, created } = await repo.capture(fields);
      if (created) changed([lead.id]);
      return { lead: await view(lead), created };
    },
    async 'lead.lookup'(query) {
      const lead =
        (query.linkedinUrl ? await repo.findByLinkedinUrl(query.linkedinUrl) : undefined) ??
        (query.email ? await repo.findByEmail(query.email) : undefined);
      if (lead) return { lead: await view(lead), duplicates: [] };
      const duplicates = query.name ? await repo.possibleDuplicates(query.name, query.company ?? null) : [];
      return { lead: null, duplicates };
    },
    async 'lead.get'({ id }) {
      return view(await mustGet(id));
    },
    async 'lead.update'({ id, patch }) {
      const lead = await repo.update(id, patch);
      changed([id]);
      return view(lead);
    },
    async 'lead.move'({ id, move }) {
      const lead = await repo.move(id, move);
      changed([id]);
      return view(lead);
    },
    async 'touchpoint.log'(fields) {
      const { lead, created } = await repo.logTouchpoint(fields);
      if (created) changed([lead.id]);
      return { lead: await view(lead), created };
    },
    async 'summary.get'() {
      return { aggregates: await repo.aggregates(), settings: await repo.settings() };
    },
    async 'settings.get'() {
      return repo.settings();
    },
    async 'settings.save'(next) {
      const saved = await repo.saveSettings(next);
      changed([]);
      return saved;
    },
    async 'settings.patch'(patch) {
      const saved = await repo.saveSettings({ ...(await repo.settings()), ...patch });
      changed([]);
      return saved;
    },
    async 'aggregates.rebuild'() {
      return repo.rebuildAggregates();
    },
    async 'leads.table'({ today, offset, limit, ...q }) {
      const [settings, agg] = await Promise.all([repo.settings(), repo.aggregates()]);
      return queries.table({ ...q, offset, limit }, settings.stages, today, agg.total);
    },
    async 'leads.export'({ today, ...q }) {
      return queries.all(q, (await repo.settings()).stages, today);
    },
    async 'board.get'({ today, perColumn }) {
      const [settings, agg] = await Promise.all([repo.settings(), repo.aggregates()]);
      const totals: Record<string, number> = { ...agg.open, lost: Object.values(agg.lostFrom).reduce((a, b) => a + b, 0), later: agg.later };
      return queries.board(settings.stages, today, perColumn, totals);
    },
    async 'lead.timeline'({ id }) {
      return { lead: await mustGet(id), touchpoints: await repo.touchpointsOf(id) };
    },
    async 'touchpoint.update'({ id, patch }) {
      const lead = await repo.updateTouchpoint(id, patch);
      changed([lead.id]);
      return view(lead);
    },
    async 'touchpoint.delete'({ id }) {
      const lead = await repo.deleteTouchpoint(id);
      changed([lead.id]);
      return view(lead);
    },
    async 'leads.delete'({ ids }) {
      const done = await repo.delete(ids);
      changed(ids);
      return done;
    },
    async 'leads.undelete'({ batchId }) {
      const done = await repo.undelete(batchId);
      changed([]);
      return done;
    },
    async 'leads.duplicates'() {
      return repo.duplicates();
    },
    async 'lead.merge'({ keepId, otherId }) {
      const lead = await repo.merge(keepId, otherId);
      changed([keepId, otherId]);
      return view(lead);
    },
    async 'leads.import'({ rows }) {
      const checked = rows.map((raw) => ({ raw, parsed: importRow.safeParse(raw) }));
      const valid = checked.flatMap((c) => (c.parsed.success ? [c.parsed.data] : []));
      const stored = await repo.importRows(valid);
      const invalid: ImportResult[] = checked.flatMap((c) =>
        c.parsed.success ? [] : [{ line: Number((c.raw as { line?: unknown })?.line) || 0, status: 'error' as const, reason: describeZodError(c.parsed.error) }],
      );
      const results = [...stored, ...invalid].sort((a, b) => a.line - b.line);
      const ids = results.flatMap((r) => (r.status === 'error' ? [] : [r.id]));
      if (ids.length > 0) changed(ids);
      return results;
    },
    async 'pipeline.open'({ leadId }) {
      if (leadId) await mustGet(leadId);
      await openPipeline(leadId ? `lead=${encodeURIComponent(leadId)}` : '');
      return { done: true as const };
    },
    async 'data.replaced'() {
      changed([]);
      return { done: true as const };
    },
  };
}
