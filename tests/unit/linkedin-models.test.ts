/** The sidebar's LinkedIn models, driven through the `Send` they are given (a fake standing in for the background). */
import { describe, expect, it } from 'vitest';
import type { MessageName, Payload, Reply, LeadView } from '../../lib/messaging/protocol';
import type { Send } from '../../lib/ui/send';
import { ConversationModel } from '../../lib/ui/conversation-model';
import { PeopleListModel } from '../../lib/ui/people-list-model';
import { CompanyPanelModel } from '../../lib/ui/company-panel-model';
import { PersonPanelModel } from '../../lib/ui/person-panel-model';
import { AccountsModel } from '../../lib/ui/accounts-model';
import { ProfilePanelModel } from '../../lib/ui/profile-panel-model';
import { extractConversation } from '../../lib/sites/linkedin/messaging';
import { extractPeopleList } from '../../lib/sites/linkedin/people-list';
import { extractCompany } from '../../lib/sites/linkedin/company';
import { extract } from '../../lib/sites/linkedin/extract';
import { listedPerson } from '../../lib/content/linkedin-page';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { makeLead } from './helpers/leads';
import { speak } from './helpers/i18n';
import { textOf } from '../../lib/i18n/i18n';
import { loadPage } from './helpers/fixtures';

type Handler = { [K in MessageName]?: (payload: Payload<K>) => Reply<K> | Promise<Reply<K>> };

/** A stand-in for the background: answers from `handlers`, records every call. */
function fakeSend(handlers: Handler) {
  const calls: { type: MessageName; payload: unknown }[] = [];
  const send = (async (type, payload) => {
    calls.push({ type, payload });
    const handler = handlers[type] as ((p: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`unexpected ${type}`);
    return handler(payload);
  }) as Send;
  const of = <K extends MessageName>(type: K) => calls.filter((c) => c.type === type).map((c) => c.payload as Payload<K>);
  return { send, calls, of };
}

const settings = (over: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...over });
const view = (over: Parameters<typeof makeLead>[0] = {}): LeadView => ({ lead: makeLead(over), touchpoints: [] });

// The 2026-06 Agnieszka thread (tests/fixtures/linkedin-more/README.md), read on 25 June 2026 at its address.
const THREAD = 'https://www.linkedin.com/messaging/thread/2-NTljYjZlZjAtNDdjYi00YjVmLWIyYWYtNTBiNDQ1MzAyODk4XzEwMA==/';
const AGNIESZKA_ID = 'ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0';
const readAt = new Date(2026, 5, 25, 12, 0);
const thread = () =>
  extractConversation(loadPage('linkedin-more/messaging/2026-06_messaging-thread_agnieszka-pankowicz-figiel__linkedin-msg-generator.html'), THREAD, readAt, {
    lang: 'pl',
  });

describe('a LinkedIn conversation in the sidebar', () => {
  it('offers a same-name lead for a partner known only by member id, and logs nothing before they are linked', async () => {
    const namesake = makeLead({ id: 'ag', name: 'Agnieszka Pankowicz-Figiel', linkedinUrl: null });
    const fake = fakeSend({ 'settings.get': () => settings(), 'lead.lookup': () => ({ lead: null, duplicates: [namesake] }) });
    const model = new ConversationModel(fake.send);
    await model.show(thread(), THREAD);
    expect(fake.of('lead.lookup')).toEqual([
      { linkedinUrl: undefined, linkedinMemberId: AGNIESZKA_ID, salesNavUrl: undefined, name: 'AGNIESZKA Pankowicz-Figiel', company: null },
    ]);
    expect(model.partner.state.value.kind).toBe('new');
    expect(model.partner.duplicates.value.map((d) => d.id)).toEqual(['ag']);
    await model.log();
    expect(fake.of('touchpoints.logMany')).toEqual([]);
  });

  it('"Same person: link" stores the member id on the chosen lead, guarded against a link made meanwhile', async () => {
    const fake = fakeSend({
      'settings.get': () => settings(),
      'lead.lookup': () => ({ lead: null, duplicates: [makeLead({ id: 'ag' })] }),
      'lead.update': (p) => ({ ...view({ id: p.id, linkedinMemberId: AGNIESZKA_ID }), conflicts: [] }),
    });
    const model = new ConversationModel(fake.send);
    await model.show(thread(), THREAD);
    await model.partner.link('ag');
    expect(fake.of('lead.update')).toEqual([{ id: 'ag', patch: { linkedinMemberId: AGNIESZKA_ID }, base: { linkedinMemberId: null } }]);
    expect(model.partner.state.value.kind).toBe('known');
  });

  it('refuses the link when the lead was linked to someone else meanwhile, and says so', async () => {
    const fake = fakeSend({
      'settings.get': () => settings(),
      'lead.lookup': () => ({ lead: null, duplicates: [makeLead({ id: 'ag', name: 'Agnieszka P.' })] }),
      'lead.update': () => ({
        ...view({ id: 'ag', name: 'Agnieszka P.', linkedinMemberId: 'ACoAACUeulABeTYL-oMCEWa-XdlJvCkMm9c4gEg' }),
        conflicts: [{ field: 'linkedinMemberId', mine: AGNIESZKA_ID, theirs: 'ACoAACUeulABeTYL-oMCEWa-XdlJvCkMm9c4gEg' }],
      }),
    });
    const model = new ConversationModel(fake.send);
    await model.show(thread(), THREAD);
    await model.partner.link('ag');
    expect(model.partner.state.value.kind).toBe('new');
    speak('en');
    expect(textOf(model.partner.error.value)).toBe('Agnieszka P. is already linked to another LinkedIn member.');
    speak('pl');
    expect(textOf(model.partner.error.value)).toBe('Lead Agnieszka P. jest już połączony z innym użytkownikiem LinkedIn.');
    speak('en');
  });

  it("auto-logs a known partner's conversation as it opens: each message with direction, time, first words and own id", async () => {
    let stored = 0;
    const fake = fakeSend({
      'settings.get': () => settings({ autoLog: true }),
      'lead.lookup': () => ({ lead: view({ id: 'ag', linkedinMemberId: AGNIESZKA_ID }), duplicates: [] }),
      'touchpoints.logMany': (p) => {
        const created = p.touchpoints.length - stored;
        stored = p.touchpoints.length;
        return { lead: view({ id: 'ag' }), created };
      },
    });
    const model = new ConversationModel(fake.send);
    const c = thread();
    await model.show(c, THREAD);
    const [logged] = fake.of('touchpoints.logMany');
    expect(logged!.leadId).toBe('ag');
    expect(logged!.touchpoints.map((t) => [t.channel, t.direction, t.at, t.externalId, t.url])).toEqual([
      ['linkedin-message', 'outbound', new Date(2026, 4, 14, 18, 19).toISOString(), c.messages[0]!.id, THREAD],
      ['linkedin-message', 'inbound', new Date(2026, 5, 24, 8, 35).toISOString(), c.messages[1]!.id, THREAD],
    ]);
    expect(logged!.touchpoints.map((t) => t.summary.slice(0, 30))).toEqual(['Twoje unikalne połączenie dośw', 'Dzień dobry Pani Marcinie. Bar']);
    expect(model.logResult.value).toEqual({ created: 2, skipped: 0, auto: true });

    // Re-read with nothing new: not logged again. A new message appears: logged (once).
    await model.show(thread(), THREAD);
    expect(fake.of('touchpoints.logMany')).toHaveLength(1);
    const grown = thread();
    grown.messages.push({ ...grown.messages[1]!, id: `${grown.messages[1]!.id}-next`, summary: 'Kolejna wiadomość' });
    await model.show(grown, THREAD);
    expect(fake.of('touchpoints.logMany')).toHaveLength(2);
    expect(model.logResult.value).toEqual({ created: 1, skipped: 0, auto: true });
  });

  it('with auto-log off logs on request only, and reports messages whose time it cannot read instead of guessing', async () => {
    const fake = fakeSend({
      'settings.get': () => settings({ autoLog: false }),
      'lead.lookup': () => ({ lead: view({ id: 'ag' }), duplicates: [] }),
      'touchpoints.logMany': (p) => ({ lead: view({ id: 'ag' }), created: p.touchpoints.length }),
    });
    const model = new ConversationModel(fake.send);
    const c = thread();
    // A day heading no language reads (the adapter gives null for its time).
    c.messages[0] = { ...c.messages[0]!, dayText: 'pewnego dnia', at: null };
    await model.show(c, THREAD);
    expect(fake.of('touchpoints.logMany')).toEqual([]);
    await model.log();
    expect(fake.of('touchpoints.logMany')[0]!.touchpoints.map((t) => t.direction)).toEqual(['inbound']);
    expect(model.logResult.value).toEqual({ created: 1, skipped: 1, auto: false });
  });
});

describe('a people list in the sidebar', () => {
  const people = () =>
    extractPeopleList(loadPage('linkedin-more/search/2026-05_search-people-ember_obsluga-klienta__linkedin-msg-generator.html'), '').map(listedPerson);

  it('marks the people who are leads and tells the page which rows to mark', async () => {
    const marked: string[][] = [];
    const fake = fakeSend({
      'settings.get': () => settings(),
      'leads.lookupMany': (p) => ({ found: p.people.map((k, i) => (i === 1 ? { id: 'mw', name: 'Marta Wrona', stage: 'qualified' } : null)) }),
    });
    const model = new PeopleListModel(fake.send, (urls) => marked.push(urls));
    await model.show(people());
    const [asked] = fake.of('leads.lookupMany');
    expect(asked!.people[0]).toEqual({
      linkedinUrl: 'https://www.linkedin.com/in/malgorzatatoron/',
      linkedinMemberId: 'ACoAAEDwhd0Bdd6k5zFbEvxIxHjP-JJFCLyn3Nw',
    });
    expect(marked).toEqual([['https://www.linkedin.com/in/marta-wrona-999908241/']]);
    expect(model.selectable.value).toHaveLength(9);
  });

  it('captures the selected people in batches of ten, one request each, with progress after each', async () => {
    const seen: number[] = [];
    let model!: PeopleListModel;
    const fake = fakeSend({
      'settings.get': () => settings(),
      'leads.lookupMany': (p) => ({ found: p.people.map(() => null) }),
      'leads.captureMany': (p) => {
        seen.push(model.progress.value!.done);
        return { results: p.rows.map((r, i) => ({ created: i !== 0, lead: { id: `id-${r.name}`, name: r.name, stage: 'prospect' } })) };
      },
    });
    model = new PeopleListModel(fake.send);
    // Twelve people: the ten of the page and two more of a next page, as an infinite list shows them.
    const list = people();
    const more = list.slice(0, 2).map((p, i) => ({ ...p, name: `${p.name} ${i}`, profileUrl: `${p.profileUrl}x${i}/`, memberId: null }));
    await model.show([...list, ...more]);
    model.selectAll(true);
    await model.captureSelected();
    const batches = fake.of('leads.captureMany');
    expect(batches.map((b) => b.rows.length)).toEqual([10, 2]);
    expect(seen).toEqual([0, 10]);
    expect(model.progress.value).toEqual({ done: 12, total: 12 });
    expect(model.result.value).toEqual({ created: 10, existing: 2 });
    expect(batches[0]!.rows[0]).toEqual({
      name: 'Małgorzata Toroń',
      headline: 'Obsługa klienta || Lider zespołu || Branża stolarki otworowej 🪟',
      location: 'Cracow Metropolitan Area',
      linkedinUrl: 'https://www.linkedin.com/in/malgorzatatoron/',
      linkedinMemberId: 'ACoAAEDwhd0Bdd6k5zFbEvxIxHjP-JJFCLyn3Nw',
      source: 'linkedin',
    });
    expect(model.selected.value.size).toBe(0);
    expect(model.known.value.size).toBe(12);
  });

  it('stops at a refused batch, keeping what the earlier batches stored and saying why', async () => {
    let calls = 0;
    const fake = fakeSend({
      'settings.get': () => settings(),
      'leads.lookupMany': (p) => ({ found: p.people.map(() => null) }),
      'leads.captureMany': (p) => {
        if (++calls === 2) throw new Error('Leadline is busy');
        return { results: p.rows.map((r) => ({ created: true, lead: { id: r.name, name: r.name, stage: 'prospect' } })) };
      },
    });
    const model = new PeopleListModel(fake.send);
    const list = people();
    await model.show([...list, ...list.map((p) => ({ ...p, profileUrl: `${p.profileUrl}2/`, memberId: null }))]);
    model.selectAll(true);
    await model.captureSelected();
    expect(model.progress.value).toEqual({ done: 10, total: 20 });
    expect(model.error.value).toBe('Leadline is busy');
    expect(model.known.value.size).toBe(10);
    expect(model.selected.value.size).toBe(10);
  });
});

describe('a company page in the sidebar', () => {
  it('looks the company up by its page, domain and name, and saves what the page shows', async () => {
    const found = extractCompany(
      loadPage('linkedin-more/company/2026-05_company-about-main_capgemini__job-intel-collector.html'),
      'https://www.linkedin.com/company/capgemini/about/',
    );
    const companyView = {
      company: {
        id: 'c1',
        name: 'Capgemini',
        linkedinUrl: 'https://www.linkedin.com/company/capgemini/',
        domain: 'capgemini.com',
        website: null,
        industry: null,
        headquarters: null,
        size: null,
        createdAt: '2026-11-22T10:00:00.000Z',
        updatedAt: '2026-11-22T10:00:00.000Z',
        stats: { people: 0, stages: {}, values: {} },
      },
      people: [],
    };
    const fake = fakeSend({ 'settings.get': () => settings(), 'company.lookup': () => ({ company: null }), 'company.save': () => companyView });
    const model = new CompanyPanelModel(fake.send);
    await model.show(found);
    expect(fake.of('company.lookup')).toEqual([{ linkedinUrl: 'https://www.linkedin.com/company/capgemini/', domain: 'capgemini.com', name: 'Capgemini' }]);
    expect(model.view.value).toBeNull();
    await model.save();
    expect(fake.of('company.save')).toEqual([
      {
        name: 'Capgemini',
        linkedinUrl: 'https://www.linkedin.com/company/capgemini/',
        domain: 'capgemini.com',
        website: 'https://www.capgemini.com',
        industry: 'IT Services and IT Consulting',
        headquarters: 'Paris, France',
        size: '10,001+ employees',
      },
    ]);
    expect([model.saved.value, model.view.value?.company.id]).toEqual([true, 'c1']);
  });
});

describe('a Sales Navigator lead in the sidebar', () => {
  const SALES = 'https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s';
  const sighting = (linkedinUrl: string | null) => ({
    name: 'CHENG HUANG',
    headline: null,
    company: 'SoloTerminal',
    location: 'Greater Toronto Area, Canada',
    linkedinUrl,
    linkedinMemberId: null,
    salesNavUrl: SALES,
    linkBy: 'salesNavUrl' as const,
    pageUrl: `${SALES},NAME_SEARCH,lPmx`,
  });

  it('links a lead found by the public profile the page shows to this Sales Navigator page', async () => {
    const fake = fakeSend({
      'settings.get': () => settings(),
      'lead.lookup': () => ({ lead: view({ id: 'ch', salesNavUrl: null }), duplicates: [] }),
      'lead.update': (p) => ({ ...view({ id: p.id, salesNavUrl: SALES }), conflicts: [] }),
    });
    const model = new PersonPanelModel(fake.send);
    // No saved Sales Navigator page shows the public profile (README); a page that did would give it here.
    await model.show(sighting('https://www.linkedin.com/in/ada/'));
    expect(fake.of('lead.update')).toEqual([{ id: 'ch', patch: { salesNavUrl: SALES }, base: { salesNavUrl: null } }]);
    const state = model.state.value;
    expect(state.kind === 'known' && state.card.view.value.lead.salesNavUrl).toBe(SALES);
  });

  it('captures a new lead with its Sales Navigator page and no invented profile address', async () => {
    const fake = fakeSend({
      'settings.get': () => settings(),
      'lead.lookup': () => ({ lead: null, duplicates: [] }),
      'lead.capture': () => ({ lead: view({ id: 'ch' }), created: true }),
    });
    const model = new PersonPanelModel(fake.send);
    await model.show(sighting(null));
    await model.capture();
    expect(fake.of('lead.capture')).toEqual([
      {
        name: 'CHENG HUANG',
        headline: null,
        company: 'SoloTerminal',
        location: 'Greater Toronto Area, Canada',
        linkedinUrl: null,
        linkedinMemberId: null,
        salesNavUrl: SALES,
        source: 'linkedin',
      },
    ]);
  });
});

describe('the profile panel with what the page says beyond its fields', () => {
  const ANNA = 'https://www.linkedin.com/in/anna-rutkowska-0551b120b/';
  const profile = () => extract(loadPage('linkedin-more/profile/2026-05_profile-pl-main_anna-rutkowska__linkedin-msg-generator.html'), ANNA);
  const links = { memberId: 'ACoAADU-fgEB4lK7dkeRaI7Jzzpe45CcUQSknKg', companyUrl: 'https://www.linkedin.com/company/10539743/' };

  it('captures with the member id and the current company page', async () => {
    const fake = fakeSend({
      'settings.get': () => settings(),
      'lead.lookup': () => ({ lead: null, duplicates: [] }),
      'lead.capture': () => ({ lead: view({ id: 'anna' }), created: true }),
    });
    const model = new ProfilePanelModel(fake.send);
    await model.showProfile(profile(), links);
    await model.capture();
    expect(fake.of('lead.capture')[0]).toMatchObject({
      company: 'Credit Agricole Bank Polska S.A.',
      linkedinMemberId: links.memberId,
      companyLinkedinUrl: links.companyUrl,
    });
  });

  it('drops the company page once the company field is edited to another company', async () => {
    const fake = fakeSend({
      'settings.get': () => settings(),
      'lead.lookup': () => ({ lead: null, duplicates: [] }),
      'lead.capture': () => ({ lead: view({ id: 'anna' }), created: true }),
    });
    const model = new ProfilePanelModel(fake.send);
    await model.showProfile(profile(), links);
    model.edit('company', 'mBank S.A.');
    await model.capture();
    expect(fake.of('lead.capture')[0]).toMatchObject({ company: 'mBank S.A.', companyLinkedinUrl: null });
  });

  it('gives a known lead the member id it lacks, so messaging finds it', async () => {
    const fake = fakeSend({
      'settings.get': () => settings(),
      'lead.lookup': () => ({ lead: view({ id: 'anna', linkedinUrl: ANNA }), duplicates: [] }),
      'lead.update': () => ({ ...view({ id: 'anna', linkedinUrl: ANNA, linkedinMemberId: links.memberId }), conflicts: [] }),
    });
    const model = new ProfilePanelModel(fake.send);
    await model.showProfile(profile(), links);
    expect(fake.of('lead.update')).toEqual([{ id: 'anna', patch: { linkedinMemberId: links.memberId }, base: { linkedinMemberId: null } }]);
  });
});

describe('the Accounts view', () => {
  it('sorts by a column (again: the other way), pages by 50, and keeps the open company fresh', async () => {
    const fake = fakeSend({ 'companies.table': (p) => ({ total: 120, offset: p.offset, rows: [] }) });
    const model = new AccountsModel(fake.send);
    await model.load();
    await model.sortBy('name');
    await model.sortBy('name');
    await model.sortBy('people');
    await model.page(1);
    await model.page(1);
    await model.page(1);
    expect(fake.of('companies.table').map((q) => [q.sort, q.desc, q.offset])).toEqual([
      ['value', true, 0],
      ['name', false, 0],
      ['name', true, 0],
      ['people', true, 0],
      ['people', true, 50],
      ['people', true, 100],
    ]);
  });
});
