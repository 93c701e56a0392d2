import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT, SIDEBAR, sidebarSend } from './helpers/dispatch';
import { speak } from './helpers/i18n';
import { issueText } from '../../lib/i18n/problems';
import { textOf } from '../../lib/i18n/i18n';
import type { Issue } from '../../lib/messaging/protocol';
import { exportBackup, parseBackup, restoreBackup } from '../../lib/db/backup';
import { openLeadlineDb } from '../../lib/db/schema';
import { companyStats } from '../../lib/pipeline/company';

// Real company addresses (tests/fixtures/linkedin-more/README.md): the Capgemini About tab and the
// numeric form profiles link (`/company/165483/` on the 2026-05 pl profile).
const CAPGEMINI = 'https://www.linkedin.com/company/capgemini/';
const NUMERIC = 'https://www.linkedin.com/company/165483/';

describe('companies', () => {
  it('links leads of one company name, whatever its spelling, to one company with their figures', async () => {
    const { send, db } = await sidebarSend();
    const a = await send('lead.capture', { name: 'Ada Lovelace', company: 'Capgemini', source: 'manual' });
    const b = await send('lead.capture', { name: 'Charles Babbage', company: ' CAPGEMINI ', source: 'manual' });
    await send('lead.update', { id: b.lead.lead.id, patch: { dealValue: 1200 } });
    await send('lead.move', { id: a.lead.lead.id, move: { to: 'proposal' } });
    expect(a.lead.lead.companyId).not.toBeNull();
    expect(b.lead.lead.companyId).toBe(a.lead.lead.companyId);
    const [company] = await db.getAll('companies');
    expect(company).toMatchObject({ name: 'Capgemini', stats: { people: 2, stages: { proposal: 1, prospect: 1 }, values: { USD: 1200 } } });
  });

  it('moves a lead to another company when its company name is edited, and the old company loses it', async () => {
    const { send, db } = await sidebarSend();
    const { lead } = await send('lead.capture', { name: 'Ada Lovelace', company: 'Capgemini', source: 'manual' });
    const moved = await send('lead.update', { id: lead.lead.id, patch: { company: 'Analytical Engines' } });
    const companies = Object.fromEntries((await db.getAll('companies')).map((c) => [c.name, c]));
    expect(moved.lead.companyId).toBe(companies['Analytical Engines']!.id);
    expect(companies['Capgemini']!.stats.people).toBe(0);
    expect(companies['Analytical Engines']!.stats.people).toBe(1);
  });

  it('takes the company from the profile link, and a company page then fills that same company', async () => {
    const { send, db } = await sidebarSend();
    const { lead } = await send('lead.capture', {
      name: 'Anna Rutkowska',
      company: 'Capgemini',
      companyLinkedinUrl: CAPGEMINI,
      linkedinUrl: 'https://www.linkedin.com/in/anna-rutkowska-0551b120b/',
      source: 'linkedin',
    });
    const found = await send('company.lookup', { linkedinUrl: CAPGEMINI, name: 'Capgemini' });
    expect(found.company?.company).toMatchObject({ id: lead.lead.companyId, linkedinUrl: CAPGEMINI, industry: null });
    expect(found.company?.people.map((p) => p.name)).toEqual(['Anna Rutkowska']);

    // The About tab's values (tests/unit/linkedin-company.test.ts reads them off the saved page).
    const saved = await send('company.save', {
      name: 'Capgemini',
      linkedinUrl: CAPGEMINI,
      website: 'https://www.capgemini.com',
      domain: 'capgemini.com',
      industry: 'IT Services and IT Consulting',
      headquarters: 'Paris, France',
      size: '10,001+ employees',
    });
    expect(saved.company).toMatchObject({ id: lead.lead.companyId, domain: 'capgemini.com', headquarters: 'Paris, France', stats: { people: 1 } });
    expect(await db.count('companies')).toBe(1);
    // A later Gmail capture from that domain joins the same company.
    const mail = await send('lead.capture', { name: 'Jan Kowalski', company: 'Capgemini', emails: ['jan.kowalski@capgemini.com'], source: 'gmail' });
    expect(mail.lead.lead.companyId).toBe(lead.lead.companyId);
  });

  it('keeps a company named the same but with another LinkedIn page apart', async () => {
    const { send, db } = await sidebarSend();
    await send('company.save', { name: 'Capgemini', linkedinUrl: CAPGEMINI });
    const other = await send('company.save', { name: 'Capgemini', linkedinUrl: NUMERIC });
    expect(await db.count('companies')).toBe(2);
    expect(other.company.linkedinUrl).toBe(NUMERIC);
  });

  it('fills a company domain from a work email but never from free mail', async () => {
    const { send, db } = await sidebarSend();
    await send('lead.capture', { name: 'Grace Hopper', company: 'Navy', emails: ['grace@gmail.com'], source: 'gmail' });
    await send('lead.capture', { name: 'Alan Turing', company: 'Bletchley', emails: ['alan@bletchley.org.uk'], source: 'gmail' });
    const byName = Object.fromEntries((await db.getAll('companies')).map((c) => [c.name, c.domain]));
    expect(byName).toEqual({ Navy: null, Bletchley: 'bletchley.org.uk' });
  });

  it('pages the Accounts view by name, people or deal value through its indexes', async () => {
    const { send } = await sidebarSend();
    const people = [
      ['Ada', 'Analytical Engines', 5000],
      ['Charles', 'Analytical Engines', 100],
      ['Grace', 'Navy', null],
      ['Alan', 'Bletchley', 800],
      ['Joan', 'Bletchley', null],
      ['Dilly', 'Bletchley', null],
    ] as const;
    for (const [name, company, value] of people) {
      const { lead } = await send('lead.capture', { name, company, source: 'manual' });
      if (value !== null) await send('lead.update', { id: lead.lead.id, patch: { dealValue: value } });
    }
    const names = async (sort: 'name' | 'people' | 'value', desc: boolean, offset = 0, limit = 10) =>
      (await send('companies.table', { sort, desc, offset, limit })).rows.map((r) => r.name);
    expect(await names('name', false)).toEqual(['Analytical Engines', 'Bletchley', 'Navy']);
    expect(await names('people', true)).toEqual(['Bletchley', 'Analytical Engines', 'Navy']);
    expect(await names('value', true)).toEqual(['Analytical Engines', 'Bletchley', 'Navy']);
    expect(await names('value', true, 1, 1)).toEqual(['Bletchley']);
    const page = await send('companies.table', { sort: 'value', desc: true, offset: 0, limit: 1 });
    expect(page).toMatchObject({ total: 3, rows: [{ name: 'Analytical Engines', stats: { people: 2, values: { USD: 5100 } } }] });
    const view = await send('company.get', { id: page.rows[0]!.id });
    expect(view.people.map((p) => [p.name, p.stage, p.dealValue])).toEqual([
      ['Ada', 'prospect', 5000],
      ['Charles', 'prospect', 100],
    ]);
  });

  it('refuses company and list messages from the content script: only Leadline frames and pages write', async () => {
    const { dispatch, db } = await sidebarSend();
    for (const [type, payload] of [
      ['company.save', { name: 'Capgemini' }],
      ['leads.captureMany', { rows: [{ name: 'Ada', source: 'linkedin' }] }],
      ['touchpoints.logMany', { leadId: 'x', touchpoints: [] }],
    ] as const) {
      const reply = await dispatch({ leadline: 'request', type, payload }, CONTENT_SCRIPT);
      expect(reply).toEqual({ ok: false, error: `${type} may only be sent from Leadline's own pages.`, code: 'pages_only', params: { type } });
    }
    expect([await db.count('companies'), await db.count('leads')]).toEqual([0, 0]);
  });

  it('refuses a profile address as a company page, a malformed member id, Sales Navigator address or domain, saying which field and why', async () => {
    const { dispatch } = await sidebarSend();
    const refused = async (type: 'company.save' | 'lead.capture', payload: object) => {
      const reply = (await dispatch({ leadline: 'request', type, payload }, SIDEBAR)) as { ok: false; code: string; issues: Issue[] };
      expect(reply.code).toBe('invalid');
      return reply.issues.map((i) => [i.path.join('.'), i.code, textOf(issueText(i))]);
    };
    speak('cs');
    expect(await refused('company.save', { name: 'Capgemini', linkedinUrl: 'https://www.linkedin.com/in/ada/', domain: 'capgemini' })).toEqual([
      ['linkedinUrl', 'not_company_url', 'není adresa stránky firmy na LinkedIn (linkedin.com/company/…)'],
      ['domain', 'not_domain', 'není název domény (example.com)'],
    ]);
    expect(
      await refused('lead.capture', { name: 'Ada', source: 'linkedin', linkedinMemberId: 'ACoAA1', salesNavUrl: 'https://www.linkedin.com/sales/people/x' }),
    ).toEqual([
      ['linkedinMemberId', 'not_member_id', 'není ID člena LinkedInu'],
      ['salesNavUrl', 'not_salesnav_url', 'není adresa leadu v Sales Navigatoru (linkedin.com/sales/lead/…)'],
    ]);
    speak('en');
  });

  it('restores a backup with its companies, and links an older backup without companies by name', async () => {
    const { send, db } = await sidebarSend();
    await send('lead.capture', { name: 'Ada Lovelace', company: 'Analytical Engines', source: 'manual' });
    await send('company.save', { name: 'Analytical Engines', linkedinUrl: 'https://www.linkedin.com/company/analytical-engines/' });
    const { parts } = await exportBackup(db);
    const text = parts.join('');
    const target = await openLeadlineDb('restore-companies');
    await restoreBackup(target, parseBackup(text));
    const [company] = await target.getAll('companies');
    expect(company).toMatchObject({ name: 'Analytical Engines', linkedinUrl: 'https://www.linkedin.com/company/analytical-engines/', stats: { people: 1 } });
    expect((await target.getAll('leads'))[0]!.companyId).toBe(company!.id);

    // A format 3 file must carry its companies, and every company its leads name.
    expect(JSON.parse(text)).toMatchObject({ version: 3 });
    const cut = JSON.parse(text) as { companies?: unknown; leads: Record<string, unknown>[] };
    delete cut.companies;
    expect(() => parseBackup(JSON.stringify(cut))).toThrow(/damaged at companies/);
    const orphan = JSON.parse(text) as { companies: unknown[] };
    orphan.companies = [];
    expect(() => parseBackup(JSON.stringify(orphan))).toThrow(expect.objectContaining({ code: 'backup_unknown_company', params: { name: 'Ada Lovelace' } }));

    // A format 2 file, from before companies: no `companies`, no company ids.
    const older = JSON.parse(text) as { version: number; companies?: unknown; leads: Record<string, unknown>[] };
    older.version = 2;
    delete older.companies;
    for (const lead of older.leads) {
      delete lead.companyId;
      delete lead.linkedinMemberId;
      delete lead.salesNavUrl;
    }
    const again = await openLeadlineDb('restore-older');
    await restoreBackup(again, parseBackup(JSON.stringify(older)));
    const [planned] = await again.getAll('companies');
    expect(planned).toMatchObject({ name: 'Analytical Engines', linkedinUrl: null, stats: { people: 1 } });
    expect((await again.getAll('leads'))[0]).toMatchObject({ companyId: planned!.id, linkedinMemberId: null, salesNavUrl: null });
  });
});

describe('company figures kept by each write', () => {
  /** A small seeded generator (mulberry32), so a failure can be replayed. */
  function random(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const COMPANIES = ['Capgemini', 'capgemini ', 'Analytical Engines', 'Navy', null];
  const VALUES = [null, 500, 1_234.56, 0.1, 12_000];
  const STAGES = ['qualified', 'proposal', 'won', 'contacted'];

  for (const seed of [1, 2, 3]) {
    it(`equal a count of each company's people after 120 random captures, edits, moves, deletes, undos, merges and imports (seed ${seed})`, async () => {
      const next = random(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
      const { send, db } = await sidebarSend();
      const ids = async () => (await db.getAllKeys('leads')) as string[];
      let undo: string | null = null;
      for (let step = 0; step < 120; step++) {
        const all = await ids();
        const some = all.length ? pick(all) : null;
        const roll = next();
        if (roll < 0.3 || !some) {
          await send('lead.capture', { name: `Person ${step}`, company: pick(COMPANIES), source: 'manual' });
        } else if (roll < 0.45) {
          await send('lead.update', { id: some, patch: { dealValue: pick(VALUES), currency: next() < 0.2 ? 'EUR' : 'USD' } });
        } else if (roll < 0.55) {
          await send('lead.update', { id: some, patch: { company: pick(COMPANIES) } });
        } else if (roll < 0.68) {
          await send('lead.move', { id: some, move: next() < 0.3 ? { to: 'lost', reason: 'No budget' } : { to: pick(STAGES) } });
        } else if (roll < 0.76) {
          undo = (await send('leads.delete', { ids: [some] })).batchId;
        } else if (roll < 0.82 && undo) {
          await send('leads.undelete', { batchId: undo });
          undo = null;
        } else if (roll < 0.9 && all.length > 1) {
          const other = pick(all.filter((id) => id !== some));
          await send('lead.merge', { keepId: some, otherId: other });
        } else {
          await send('leads.import', {
            rows: [{ line: 2, name: `Imported ${step}`, company: pick(COMPANIES), emails: [], source: 'import', dealValue: pick(VALUES) }],
          });
        }
      }
      const leads = await db.getAll('leads');
      for (const company of await db.getAll('companies')) {
        const people = leads.filter((l) => l.companyId === company.id);
        expect(company.stats, company.name).toEqual(companyStats(people));
      }
      expect(leads.filter((l) => l.company && !l.companyId)).toEqual([]);
    });
  }
});
