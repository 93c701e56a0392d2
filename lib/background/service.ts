/** The background's message handlers: small named functions over the repository. */
import type { Handlers } from '../messaging/server';
import { importRow, type LeadSummary, type LeadView } from '../messaging/protocol';
import { describeZodError } from '../messaging/server';
import { issueOf } from '../messaging/issues';
import type { ImportResult } from '../messaging/protocol';
import type { Lead } from '../pipeline/model';
import { COMPOSE_ID_PREFIX } from '../pipeline/email-subject';
import type { Repositories } from '../db/repositories';
import { linkedinHandlers } from './linkedin-handlers';
import type { SyncController } from './sync';

/** Team sync while the background has none (tests of other handlers): always off. */
const NO_SYNC: SyncController = {
  init: async () => {},
  view: async () => ({ enabled: false, target: null, status: { state: 'off', lastSyncAt: null, pending: 0, error: null } }),
  enable: async () => {
    throw new Error('Team sync is not available here.');
  },
  disable: async () => NO_SYNC.view(),
  syncNow: async () => NO_SYNC.view(),
};

/** How many recent touchpoints a lead view carries. */
export const RECENT_TOUCHPOINTS = 8;

export function createHandlers(
  repos: Repositories,
  notify: (leadIds: string[]) => void,
  openPipeline: (hash: string) => Promise<void> = async () => {},
  sync: SyncController = NO_SYNC,
): Handlers {
  const { leads, touchpoints, settings, aggregates, trash, merges, queries } = repos;
  const changed = (leadIds: string[]) => {
    queries.invalidate();
    notify(leadIds);
  };
  const view = async (lead: Lead): Promise<LeadView> => ({ lead, touchpoints: await touchpoints.of(lead.id, RECENT_TOUCHPOINTS) });
  const mustGet = (id: string) => leads.mustGet(id);

  const summaries = (list: Lead[]): Promise<LeadSummary[]> =>
    Promise.all(
      list.map(async (l) => ({
        id: l.id,
        name: l.name,
        company: l.company,
        stage: l.stage,
        temperature: l.temperature,
        nextFollowUpOn: l.nextFollowUpOn,
        openUrl: await leads.openUrlOf(l),
      })),
    );

  return {
    ...linkedinHandlers(repos, changed, view),
    async 'leads.search'({ query, limit }) {
      return summaries(await repos.search(query, limit));
    },
    async 'leads.due'({ today }) {
      return summaries(await leads.dueFollowUps(today));
    },
    async 'lead.capture'(fields) {
      const { lead, created } = await leads.capture(fields);
      if (created) changed([lead.id]);
      // A lead just made has no touchpoints: the reply needs no second transaction.
      return { lead: created ? { lead, touchpoints: [] } : await view(lead), created };
    },
    async 'lead.lookup'(query) {
      const lead =
        (query.linkedinUrl ? await leads.findByLinkedinUrl(query.linkedinUrl) : undefined) ??
        (query.linkedinMemberId ? await leads.findByMemberId(query.linkedinMemberId) : undefined) ??
        (query.salesNavUrl ? await leads.findBySalesNavUrl(query.salesNavUrl) : undefined) ??
        (query.email ? await leads.findByEmail(query.email) : undefined);
      if (lead) return { lead: await view(lead), duplicates: [] };
      // A messaging partner or a Sales Navigator lead: the same folded name, and not a lead known
      // to be someone else (another member id or Sales Navigator page).
      if (query.name && (query.linkedinMemberId || query.salesNavUrl)) {
        const other = (l: Lead) =>
          (!!query.linkedinMemberId && !!l.linkedinMemberId && l.linkedinMemberId !== query.linkedinMemberId) ||
          (!!query.salesNavUrl && !!l.salesNavUrl && l.salesNavUrl !== query.salesNavUrl);
        return { lead: null, duplicates: await leads.namesakes(query.name, query.company ?? null, other) };
      }
      // With an address (Gmail), the same person may be a lead under another address of the same
      // company or domain; from a profile, the same name and company.
      const domain = query.email?.split('@')[1] ?? null;
      const duplicates = !query.name
        ? []
        : query.email
          ? await leads.samePerson(query.name, query.company ?? null, domain)
          : await leads.possibleDuplicates(query.name, query.company ?? null);
      return { lead: null, duplicates };
    },
    async 'lead.get'({ id }) {
      return view(await mustGet(id));
    },
    async 'lead.update'({ id, patch, base }) {
      const { lead, conflicts } = await leads.update(id, patch, base);
      changed([id]);
      return { ...(await view(lead)), conflicts };
    },
    async 'lead.move'({ id, move }) {
      const lead = await leads.move(id, move);
      changed([id]);
      return view(lead);
    },
    async 'touchpoint.log'(fields) {
      const { lead, created } = await touchpoints.log(fields);
      if (created) changed([lead.id]);
      return { lead: await view(lead), created };
    },
    async 'compose.sent'({ recipients, subject, at, draftId, threadUrl }) {
      const logged: { email: string; leadId: string; created: boolean }[] = [];
      const externalId = `${COMPOSE_ID_PREFIX}${draftId ?? crypto.randomUUID()}`;
      for (const email of recipients) {
        const lead = await leads.findByEmail(email);
        if (!lead) continue;
        const { created } = await touchpoints.log({
          leadId: lead.id,
          channel: 'email',
          direction: 'outbound',
          at,
          summary: subject.trim(),
          url: threadUrl ?? null,
          externalId,
        });
        logged.push({ email, leadId: lead.id, created });
      }
      if (logged.some((l) => l.created)) changed(logged.map((l) => l.leadId));
      return { logged };
    },
    async 'summary.get'() {
      const [agg, reading] = await Promise.all([aggregates.get(), settings.read()]);
      return reading.ok
        ? { aggregates: agg, settings: reading.settings, settingsProblem: null }
        : {
            aggregates: agg,
            settings: reading.defaults,
            settingsProblem: { error: reading.error, code: reading.code, params: reading.params, ...(reading.issue && { issues: [issueOf(reading.issue)] }) },
          };
    },
    async 'settings.get'() {
      return settings.get();
    },
    async 'settings.save'(next) {
      const saved = await settings.save(next);
      changed([]);
      return saved;
    },
    async 'settings.patch'(patch) {
      const saved = await settings.save({ ...(await settings.get()), ...patch });
      changed([]);
      return saved;
    },
    async 'aggregates.rebuild'() {
      return aggregates.rebuild();
    },
    async 'insights.get'(query) {
      return aggregates.insights(query);
    },
    async 'leads.table'({ today, offset, limit, ...q }) {
      const [current, agg] = await Promise.all([settings.get(), aggregates.get()]);
      const perStage = { ...agg.open, lost: Object.values(agg.lostFrom).reduce((a, b) => a + b, 0), later: agg.later };
      return queries.table({ ...q, offset, limit }, current.stages, today, agg.total, perStage);
    },
    async 'leads.export'({ today, ...q }) {
      return queries.all(q, (await settings.get()).stages, today);
    },
    async 'board.get'({ today, perColumn, owner }) {
      const [current, agg] = await Promise.all([settings.get(), aggregates.get()]);
      const totals: Record<string, number> = { ...agg.open, lost: Object.values(agg.lostFrom).reduce((a, b) => a + b, 0), later: agg.later };
      return queries.board(current.stages, today, perColumn, totals, owner);
    },
    async 'lead.timeline'({ id }) {
      return { lead: await mustGet(id), touchpoints: await touchpoints.of(id) };
    },
    async 'touchpoint.update'({ id, patch }) {
      const lead = await touchpoints.update(id, patch);
      changed([lead.id]);
      return view(lead);
    },
    async 'touchpoint.delete'({ id }) {
      const lead = await touchpoints.delete(id);
      changed([lead.id]);
      return view(lead);
    },
    async 'leads.delete'({ ids }) {
      const done = await trash.delete(ids);
      changed(ids);
      return done;
    },
    async 'leads.undelete'({ batchId }) {
      const done = await trash.undelete(batchId);
      changed([]);
      return done;
    },
    async 'leads.duplicates'() {
      return merges.duplicates();
    },
    async 'lead.merge'({ keepId, otherId }) {
      const lead = await merges.merge(keepId, otherId);
      changed([keepId, otherId]);
      return view(lead);
    },
    async 'leads.import'({ rows }) {
      const checked = rows.map((raw) => ({ raw, parsed: importRow.safeParse(raw) }));
      const valid = checked.flatMap((c) => (c.parsed.success ? [c.parsed.data] : []));
      const stored = await repos.importRows(valid);
      const invalid: ImportResult[] = checked.flatMap((c) =>
        c.parsed.success
          ? []
          : [
              {
                line: Number((c.raw as { line?: unknown })?.line) || 0,
                status: 'error' as const,
                reason: describeZodError(c.parsed.error),
                code: 'row_invalid' as const,
                params: { detail: describeZodError(c.parsed.error) },
              },
            ],
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
    'sync.get': () => sync.view(),
    'sync.enable': (target) => sync.enable(target),
    'sync.disable': () => sync.disable(),
    'sync.now': () => sync.syncNow(),
    async 'data.replaced'() {
      changed([]);
      return { done: true as const };
    },
  };
}
