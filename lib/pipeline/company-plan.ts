/**
 * Which company each of a set of leads belongs to, for leads stored before companies existed
 * (database v6 migration, an old backup restored): leads whose company names fold to the same key
 * share one company; a company takes the work email domain most of its people use; a lead without
 * a company name but with a work email joins the company of that domain (or one named after it).
 * Pure: the caller stores the result.
 */
import { companyKey, leadDomain, nameFromDomain, newCompany, type Company } from './company';
import type { Lead } from './model';

export interface CompanyPlan {
  companies: Company[];
  /** Lead id → company id, for every lead with a company name or a work email. */
  links: Map<string, string>;
}

interface Draft {
  id: string;
  spellings: Map<string, number>;
  domains: Map<string, number>;
  domain: string | null;
}

const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/** The most frequent key of a count map (the first seen on a tie). */
function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let most = 0;
  for (const [key, n] of counts) {
    if (n > most) {
      best = key;
      most = n;
    }
  }
  return best;
}

export function planCompanies(leads: Pick<Lead, 'id' | 'company' | 'emails'>[], makeId: () => string, at: string): CompanyPlan {
  const byKey = new Map<string, Draft>();
  const links = new Map<string, string>();
  const draftFor = (key: string): Draft => {
    let draft = byKey.get(key);
    if (!draft) byKey.set(key, (draft = { id: makeId(), spellings: new Map(), domains: new Map(), domain: null }));
    return draft;
  };

  const unnamed: { id: string; domain: string }[] = [];
  for (const lead of leads) {
    const name = lead.company?.trim();
    const domain = leadDomain(lead);
    if (name) {
      const draft = draftFor(companyKey(name));
      bump(draft.spellings, name);
      if (domain) bump(draft.domains, domain);
      links.set(lead.id, draft.id);
    } else if (domain) unnamed.push({ id: lead.id, domain });
  }

  // A domain goes to the company most of whose people use it; each domain to one company only.
  const claims = [...byKey.values()]
    .flatMap((draft) => [...draft.domains].map(([domain, count]) => ({ draft, domain, count })))
    .sort((a, b) => b.count - a.count);
  const owner = new Map<string, Draft>();
  for (const { draft, domain } of claims) {
    if (owner.has(domain) || draft.domain) continue;
    draft.domain = domain;
    owner.set(domain, draft);
  }

  for (const { id, domain } of unnamed) {
    let draft = owner.get(domain);
    if (!draft) {
      const guessed = nameFromDomain(domain) ?? domain;
      draft = draftFor(companyKey(guessed));
      if (draft.spellings.size === 0) bump(draft.spellings, guessed);
      if (!draft.domain) {
        draft.domain = domain;
        owner.set(domain, draft);
      }
    }
    links.set(id, draft.id);
  }

  const companies = [...byKey.values()].map((draft) => newCompany({ name: mostFrequent(draft.spellings), domain: draft.domain }, draft.id, at));
  return { companies, links };
}
