/** Handlers for LinkedIn beyond the profile page: people lists, conversations, companies. */
import type { Handlers } from '../messaging/server';
import type { KnownPerson, LeadView } from '../messaging/protocol';
import type { Lead } from '../pipeline/model';
import type { Repositories } from '../db/repositories';

type LinkedinMessages =
  'leads.captureMany' | 'leads.lookupMany' | 'touchpoints.logMany' | 'company.lookup' | 'company.save' | 'company.get' | 'companies.table';

const known = (lead: Lead): KnownPerson => ({ id: lead.id, name: lead.name, stage: lead.stage });

export function linkedinHandlers(
  repos: Repositories,
  changed: (leadIds: string[]) => void,
  view: (lead: Lead) => Promise<LeadView>,
): Pick<Handlers, LinkedinMessages> {
  const { leads, touchpoints, companies } = repos;
  return {
    async 'leads.captureMany'({ rows }) {
      const results = await leads.captureMany(rows);
      const created = results.filter((r) => r.created).map((r) => r.lead.id);
      if (created.length > 0) changed(created);
      return { results: results.map((r) => ({ created: r.created, lead: known(r.lead) })) };
    },
    async 'leads.lookupMany'({ people }) {
      const found = await leads.findMany(people);
      return { found: found.map((lead) => (lead ? known(lead) : null)) };
    },
    async 'touchpoints.logMany'({ leadId, touchpoints: items }) {
      const { created, lead } = await touchpoints.logMany(leadId, items);
      if (created > 0) changed([leadId]);
      return { lead: await view(lead), created };
    },
    async 'company.lookup'(query) {
      const company = await companies.find(query);
      return { company: company ? await companies.view(company) : null };
    },
    async 'company.save'(fields) {
      const saved = await companies.save(fields);
      changed(saved.people.map((p) => p.id));
      return saved;
    },
    async 'company.get'({ id }) {
      return companies.get(id);
    },
    async 'companies.table'(q) {
      return companies.table(q);
    },
  };
}
