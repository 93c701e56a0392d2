// The smaller models of the pipeline page, the popup and the sidebar frame, each through the Send it
// is given (the real background over fake-indexeddb).
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../lib/i18n/i18n';
import { speak } from './helpers/i18n';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsModel, splitList, stageSlug } from '../../lib/ui/settings-model';
import { PlannerModel } from '../../lib/ui/planner-model';
import { PopupModel, pipelineUrl } from '../../lib/ui/popup-model';
import { SidebarModel } from '../../lib/ui/sidebar-model';
import { TableModel, PAGE_SIZE } from '../../lib/ui/table-model';
import { BackupModel } from '../../lib/ui/backup-model';
import { DuplicatesModel } from '../../lib/ui/duplicates-model';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { rebuild } from '../../lib/pipeline/aggregates';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import type { FrameMessage } from '../../lib/messaging/sidebar-channel';
import type { Send } from '../../lib/ui/send';
import { csvWording } from '../../lib/ui/csv-wording';
import { backgroundSend } from './helpers/send';
import { makeLead } from './helpers/leads';

beforeAll(() => speak('en'));

const TODAY = '2026-11-22';

/** Polls until `probe` holds (models answer asynchronously), or fails after two seconds. */
async function until(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !probe(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(probe()).toBe(true);
}

describe('settings model', () => {
  it('splits typed lists and makes stage ids that are unique and never reserved', () => {
    expect(splitList(' a@x.io, b@x.io;c@x.io  d@x.io ')).toEqual(['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io']);
    expect(splitList('')).toEqual([]);
    expect(stageSlug('Demo booked!', [])).toBe('demo-booked');
    expect(stageSlug('Demo booked', ['demo-booked', 'demo-booked-2'])).toBe('demo-booked-3');
    expect(stageSlug('Lost', [])).toBe('lost-2');
    expect(stageSlug('Later', ['later-2'])).toBe('later-3');
    expect(stageSlug('Žádost', [])).toBe('zadost');
    expect(stageSlug('***', [])).toBe('stage');
    expect(stageSlug('a'.repeat(40), [])).toBe('a'.repeat(30));
  });

  it('edits stages as a draft: rename, reorder, delete, add before the won stage, then saves', async () => {
    const { send, repo } = await backgroundSend();
    const model = new SettingsModel(send, DEFAULT_SETTINGS);
    expect(model.dirty).toBe(false);
    model.setStage(3, { name: 'Nurture', rottingDays: 45 });
    model.moveStage(1, 1);
    model.deleteStage(4);
    model.addStage('Demo booked');
    model.setThreshold('salesCycleDays', 60);
    model.set({ currency: 'EUR' });
    model.emails.value = 'Me@Acme.io; me2@acme.io';
    expect(model.dirty).toBe(true);
    expect(model.draft.value.stages.map((s) => s.id)).toEqual(['prospect', 'contacted', 'qualified', 'nurturing', 'negotiation', 'demo-booked', 'won']);
    expect(model.draft.value.stages.find((s) => s.id === 'demo-booked')).toEqual({ id: 'demo-booked', name: 'Demo booked', probability: 0.5, rottingDays: 14 });
    expect(await model.save()).toMatchObject({ currency: 'EUR', ownEmails: ['me@acme.io', 'me2@acme.io'], thresholds: { salesCycleDays: 60 } });
    expect(model.saved.value).toBe(true);
    expect(model.dirty).toBe(false);
    expect(model.emails.value).toBe('me@acme.io, me2@acme.io');
    expect((await repo.settings.get()).stages[3]).toEqual({ id: 'nurturing', name: 'Nurture', probability: 0.3, rottingDays: 45 });
  });

  it('follows settings saved elsewhere while it holds no edits, and keeps edits when it does', () => {
    const model = new SettingsModel((async () => DEFAULT_SETTINGS) as Send, DEFAULT_SETTINGS);
    model.stored({ ...DEFAULT_SETTINGS, currency: 'GBP' });
    expect(model.draft.value.currency).toBe('GBP');
    model.set({ autoLog: false });
    model.stored({ ...DEFAULT_SETTINGS, currency: 'CZK', ownEmails: ['x@y.io'] });
    expect(model.draft.value).toMatchObject({ currency: 'GBP', autoLog: false });
    expect(model.emails.value).toBe('');
    expect(model.dirty).toBe(true);
  });

  it('says why a save was refused and keeps the draft', async () => {
    const { send, repo } = await backgroundSend();
    await repo.leads.capture({ name: 'Ada', source: 'manual' });
    const model = new SettingsModel(send, DEFAULT_SETTINGS);
    model.deleteStage(0);
    expect(await model.save()).toBeNull();
    expect(textOf(model.error.value)).toBe('Stage “Prospect” still has leads: move them before deleting the stage.');
    expect(model.saved.value).toBe(false);
    expect(model.draft.value.stages).toHaveLength(6);
  });
});

describe('planner model', () => {
  const STAGES = DEFAULT_STAGES.slice(0, 3).map((s, i) => (i === 2 ? { ...s, id: 'won', name: 'Won' } : s));

  it('starts from the measured funnel, 50 % where nobody left a stage yet, and plans from the inputs', () => {
    const agg = rebuild(
      [
        makeLead({ id: 'a', linkedinUrl: null, stage: 'prospect', reached: ['prospect'] }),
        makeLead({ id: 'b', linkedinUrl: null, stage: 'qualified', reached: ['prospect', 'qualified'] }),
        makeLead({ id: 'c', linkedinUrl: null, stage: 'qualified', reached: ['prospect', 'qualified'], dealValue: 1234 }),
      ],
      STAGES,
    );
    const model = new PlannerModel(agg, STAGES);
    expect(model.averageDeal.value).toBe(1234);
    expect(model.rates.value).toEqual([67, 50]);
    model.setRate(1, 250);
    expect(model.rates.value).toEqual([67, 100]);
    model.target.value = 12_340;
    expect(model.rows(agg, STAGES).map((r) => r.needed)).toEqual([15, 10, 10]);
  });

  it('assumes an average deal of 5,000 with no deal values yet', () => {
    expect(new PlannerModel(rebuild([], STAGES), STAGES).averageDeal.value).toBe(5000);
  });
});

describe('popup model', () => {
  it('loads the summary and the due list, and answers searches, dropping an older answer', async () => {
    const { send, repo } = await backgroundSend();
    await repo.leads.capture({ name: 'Ada Lovelace', source: 'manual' });
    await repo.leads.capture({ name: 'Adam Smith', source: 'manual' });
    const model = new PopupModel(send);
    await model.load();
    expect(model.summary.value?.aggregates.total).toBe(2);
    expect(model.due.value).toEqual([]);
    const slow = model.search('ad');
    await model.search('ada l');
    await slow;
    expect(model.query.value).toBe('ada l');
    expect(model.results.value?.map((r) => r.name)).toEqual(['Ada Lovelace']);
    await model.search('  ');
    expect(model.results.value).toBeNull();
  });

  it('shows why it cannot load', async () => {
    const model = new PopupModel(async () => {
      throw new Error("Leadline's background is not reachable. Reload the page.");
    });
    await model.load();
    expect(textOf(model.error.value)).toBe("Leadline's background is not reachable. Reload the page.");
    await model.search('x');
    expect(model.results.value).toBeNull();
  });

  it('opens a lead where the rep works with it, else on the pipeline page', async () => {
    const opened: string[] = [];
    const create = fakeBrowser.tabs.create;
    fakeBrowser.tabs.create = (async ({ url }: { url: string }) => {
      opened.push(url);
      return {} as never;
    }) as typeof fakeBrowser.tabs.create;
    const close = window.close;
    window.close = () => {};
    const model = new PopupModel((async () => null) as Send);
    const lead = { id: 'l1', name: 'Ada', company: null, stage: 'prospect', temperature: null, nextFollowUpOn: null };
    model.open({ ...lead, openUrl: 'https://www.linkedin.com/in/ada/' });
    model.open({ ...lead, openUrl: null });
    await new Promise((r) => setTimeout(r, 0));
    window.close = close;
    fakeBrowser.tabs.create = create;
    expect(opened).toEqual(['https://www.linkedin.com/in/ada/', pipelineUrl('lead=l1')]);
    expect(pipelineUrl()).toMatch(/\/pipeline\.html$/);
    expect(pipelineUrl('temperature=hot')).toMatch(/\/pipeline\.html#temperature=hot$/);
  });
});

describe('sidebar model', () => {
  it('shows the panel of the page on screen, collapses and tells the content script', async () => {
    const { send } = await backgroundSend();
    const model = new SidebarModel(send);
    const posted: FrameMessage[] = [];
    model.connect('linkedin', (m) => posted.push(m));
    expect(model.site.value).toBe('linkedin');
    model.receive({ type: 'collapsed', value: true });
    expect(model.collapsed.value).toBe(true);
    model.toggle();
    expect(model.collapsed.value).toBe(false);
    expect(posted).toEqual([{ type: 'collapse', value: false }]);

    const url = 'https://www.linkedin.com/in/kireetagrawal/';
    model.receive({
      type: 'context',
      context: {
        kind: 'linkedin-profile',
        url,
        profile: { found: { name: 'Kireet Agrawal', linkedinUrl: url }, missing: ['headline', 'company', 'location'], via: {}, contentSlug: null },
      },
    });
    await until(() => model.profile.state.value.kind === 'new');
    expect(model.profile.profile.value?.found.name).toBe('Kireet Agrawal');
    expect(model.profile.state.value).toEqual({ kind: 'new' });
    model.receive({ type: 'context', context: { kind: 'none' } });
    expect(model.profile.profile.value).toBeNull();
    expect(model.profile.state.value).toEqual({ kind: 'idle' });
    expect(model.thread.thread.value).toBeNull();
  });
});

describe('table model', () => {
  it('loads the first page, fetches further pages on demand, and selects what is loaded', async () => {
    const { send, repo, calls } = await backgroundSend();
    for (let i = 0; i < PAGE_SIZE + 5; i++) await repo.leads.capture({ name: `Lead ${String(i).padStart(3, '0')}`, source: 'manual' });
    const model = new TableModel(send);
    await model.setQuery({ filter: {}, sort: 'name', desc: false }, TODAY);
    expect(model.total.value).toBe(PAGE_SIZE + 5);
    expect(model.rowAt(0)?.name).toBe('Lead 000');
    expect(model.rowAt(PAGE_SIZE)).toBeUndefined();
    model.ensure(PAGE_SIZE - 10, PAGE_SIZE + 2);
    model.ensure(PAGE_SIZE - 10, PAGE_SIZE + 2);
    await until(() => model.rowAt(PAGE_SIZE) !== undefined);
    expect(calls.filter((c) => c === 'leads.table')).toHaveLength(2);
    expect(model.rowAt(PAGE_SIZE + 4)?.name).toBe('Lead 104');
    model.selectLoaded(true);
    expect(model.selection.value.size).toBe(PAGE_SIZE + 5);
    model.toggle(model.rowAt(0)!.id, false);
    expect(model.selection.value.size).toBe(PAGE_SIZE + 4);
    model.toggle(model.rowAt(0)!.id, true);
    model.selectLoaded(false);
    expect(model.selection.value.size).toBe(0);
  });

  it('keeps showing the rows it had while the same query reloads', async () => {
    const { send, repo } = await backgroundSend();
    await repo.leads.capture({ name: 'Ada', source: 'manual' });
    const model = new TableModel(send);
    const state = { filter: {}, sort: 'name' as const, desc: false };
    await model.setQuery(state, TODAY);
    const reload = model.setQuery(state, TODAY);
    expect(model.rowAt(0)?.name).toBe('Ada');
    await reload;
    const other = model.setQuery({ ...state, filter: { stage: 'won' } }, TODAY);
    expect(model.rowAt(0)).toBeUndefined();
    await other;
    expect(model.total.value).toBe(0);
  });

  it('exports every row of the query as a CSV file named for the day', async () => {
    const { send, repo } = await backgroundSend();
    await repo.leads.capture({ name: '-Ana', source: 'manual' });
    const model = new TableModel(send);
    const saved: [string, BlobPart[], string][] = [];
    expect(await model.all()).toEqual([]);
    await model.setQuery({ filter: {}, sort: 'name', desc: false }, TODAY);
    expect(await model.exportCsv(csvWording(DEFAULT_STAGES), (...file) => saved.push(file))).toBe(true);
    expect(saved.map(([name, , type]) => [name, type])).toEqual([['leadline-leads-2026-11-22.csv', 'text/csv;charset=utf-8']]);
    expect((saved[0]![1][0] as string).split('\r\n')[1]).toMatch(/^'-Ana,/);
  });
});

describe('backup and duplicates models', () => {
  const service = (parse: () => { leads: unknown[]; touchpoints: unknown[] }) => {
    const restored: unknown[] = [];
    return {
      restored,
      service: { exportBackup: async () => ({ parts: ['{', '}'], leads: 3, touchpoints: 7 }), parse, restore: async (p: unknown) => void restored.push(p) },
    };
  };
  const file = (name: string, text: string) => ({ name, text: async () => text }) as File;

  it('saves a backup named for the day and says what it holds', async () => {
    const { send } = await backgroundSend();
    const saved: string[] = [];
    const model = new BackupModel(send, service(() => ({ leads: [], touchpoints: [] })).service, (name, parts, type) =>
      saved.push(`${name} ${parts.join('')} ${type}`),
    );
    expect(await model.backup(TODAY)).toBe(true);
    expect(saved).toEqual(['leadline-backup-2026-11-22.json {} application/json']);
    expect(textOf(model.done.value)).toBe('Backup of 3 leads and 7 touchpoints saved.');
  });

  it('restores only after the user agrees, then tells the background; a bad file changes nothing', async () => {
    const { send, calls } = await backgroundSend();
    const ok = service(() => ({ leads: [1, 2], touchpoints: [3] }));
    const model = new BackupModel(send, ok.service, () => {});
    const asked: string[] = [];
    await model.restore(file('b.json', '{}'), (q) => (asked.push(q), false));
    expect(asked).toEqual(['Replace your whole pipeline with the 2 leads of b.json?']);
    expect(ok.restored).toEqual([]);
    await model.restore(file('b.json', '{}'), () => true);
    expect(ok.restored).toEqual([{ leads: [1, 2], touchpoints: [3] }]);
    expect(calls).toEqual(['data.replaced']);
    expect(textOf(model.done.value)).toBe('Restored 2 leads and 1 touchpoint from b.json.');

    const bad = new BackupModel(
      send,
      service(() => {
        throw new Error('This JSON file is not a Leadline backup.');
      }).service,
      () => {},
    );
    expect(await bad.restore(file('x.json', '{}'), () => true)).toBe(false);
    expect(textOf(bad.error.value)).toBe('This JSON file is not a Leadline backup.');
    expect(bad.done.value).toBeNull();
  });

  it('lists likely duplicates and merges one into the other', async () => {
    const { send, repo, db } = await backgroundSend();
    const { lead: a } = await repo.leads.capture({ name: 'Kim Lee', company: 'Acme', emails: ['kim@acme.io'], source: 'manual' });
    const { lead: b } = await repo.leads.capture({ name: 'Kim Lee', company: 'Acme', linkedinUrl: 'https://www.linkedin.com/in/kimlee/', source: 'linkedin' });
    const model = new DuplicatesModel(send);
    await model.load();
    expect(model.groups.value?.map((g) => g.map((l) => l.id).sort())).toEqual([[a.id, b.id].sort()]);
    expect(await model.merge(a, b)).toBe(true);
    expect(textOf(model.done.value)).toBe('Merged Kim Lee into Kim Lee: every touchpoint kept.');
    expect(model.groups.value).toEqual([]);
    expect(await db.getAll('leads')).toMatchObject([{ id: a.id, emails: ['kim@acme.io'], linkedinUrl: 'https://www.linkedin.com/in/kimlee/' }]);
    expect(await model.merge(a, b)).toBe(false);
    expect(textOf(model.error.value)).toBe('One of the two leads no longer exists.');
  });
});
