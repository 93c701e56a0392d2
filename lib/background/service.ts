/** The background's message handlers: small named functions over the repository. */
import type { Handlers } from '../messaging/server';
import type { LeadSummary, LeadView } from '../messaging/protocol';
import { NotFoundError, type Repository } from '../db/repository';
import type { Lead } from '../pipeline/model';

/** How many recent touchpoints a lead view carries. */
export const RECENT_TOUCHPOINTS = 8;

export function createHandlers(repo: Repository, changed: (leadIds: string[]) => void): Handlers {
  const view = async (lead: Lead): Promise<LeadView> => ({ lead, touchpoints: await repo.touchpointsOf(lead.id, RECENT_TOUCHPOINTS) });
  const mustGet = async (id: string) => {
    const lead = await repo.get(id);
    if (!lead) throw new NotFoundError(`No lead with id ${id}.`);
    return lead;
  };

  // `openUrl` costs a touchpoint read per lead: only the short lists that open leads ask for it.
  const summaries = (leads: Lead[], withOpenUrl = true): Promise<LeadSummary[]> =>
    Promise.all(
      leads.map(async (l) => ({
        id: l.id,
        name: l.name,
        company: l.company,
        stage: l.stage,
        temperature: l.temperature,
        nextFollowUpOn: l.nextFollowUpOn,
        openUrl: withOpenUrl ? await repo.openUrlOf(l) : null,
      })),
    );

  return {
    async 'leads.search'({ query, limit }) {
      return summaries(await repo.search(query, limit));
    },
    async 'leads.due'({ today }) {
      return summaries(await repo.dueFollowUps(today));
    },
    async 'leads.list'({ temperature, stage, limit }) {
      return summaries(await repo.list({ temperature, stage }, limit), false);
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
  };
}
