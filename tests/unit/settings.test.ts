import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, readStoredSettings, SETTINGS_VERSION, type Settings } from '../../lib/settings/settings';
import { DEFAULT_STAGES } from '../../lib/domain/stages';
import { PipelineModel } from '../../lib/ui/pipeline-model';
import { PopupModel } from '../../lib/ui/popup-model';
import { backgroundSend } from './helpers/send';
import { textOf } from '../../lib/i18n/i18n';
import { problemText } from '../../lib/i18n/problems';
import { speak } from './helpers/i18n';

beforeAll(() => speak('en'));

const STAGES = [
  { id: 'new', name: 'New', probability: 0.1, rottingDays: 7 },
  { id: 'demo', name: 'Demo', probability: 0.4, rottingDays: 10 },
  { id: 'signed', name: 'Signed', probability: 1, rottingDays: 3650 },
];
const THRESHOLDS = { hotReplyDays: 5, warmEngagedDays: 20, ghostingAttempts: 4, salesCycleDays: 45 };

/**
 * A stored settings record of every version ever shipped, as that version wrote it to `meta`
 * (v1: lib/settings/settings.ts at commit 4b244c1; v2 added `language`, commit a2c125a; v3 left default
 * stages unnamed, commit 4d12a93), and the
 * current settings each must read as. A new version adds its record here.
 */
const STORED: Record<number, { record: Record<string, unknown>; reads: Settings }> = {
  1: {
    record: { key: 'settings', version: 1, stages: STAGES, thresholds: THRESHOLDS, ownEmails: ['me@acme.io'], autoLog: false, currency: 'EUR' },
    reads: { version: 3, stages: STAGES, thresholds: THRESHOLDS, ownEmails: ['me@acme.io'], autoLog: false, currency: 'EUR', language: null },
  },
  2: {
    record: { key: 'settings', version: 2, stages: STAGES, thresholds: THRESHOLDS, ownEmails: [], autoLog: true, currency: 'CZK', language: 'cs' },
    reads: { version: 3, stages: STAGES, thresholds: THRESHOLDS, ownEmails: [], autoLog: true, currency: 'CZK', language: 'cs' },
  },
  3: {
    record: {
      key: 'settings',
      version: 3,
      stages: [{ ...DEFAULT_STAGES[0]!, name: 'Lead' }, ...DEFAULT_STAGES.slice(1)],
      thresholds: THRESHOLDS,
      ownEmails: [],
      autoLog: true,
      currency: 'PLN',
      language: 'pl',
    },
    reads: {
      version: 3,
      stages: [{ ...DEFAULT_STAGES[0]!, name: 'Lead' }, ...DEFAULT_STAGES.slice(1)],
      thresholds: THRESHOLDS,
      ownEmails: [],
      autoLog: true,
      currency: 'PLN',
      language: 'pl',
    },
  },
};

describe('settings upgrade cascade', () => {
  it('has a stored record of every version up to the current one', () => {
    expect(Object.keys(STORED).map(Number)).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
  });

  it.each(Object.entries(STORED))('reads a version %s record as the current settings, every value kept', async (version, { record, reads }) => {
    const reading = readStoredSettings(record);
    expect(reading).toEqual({ ok: true, settings: reads, upgradedFrom: Number(version) === SETTINGS_VERSION ? null : Number(version) });
    // And through the database, as the background reads it.
    const { db, repo } = await backgroundSend();
    await db.put('meta', record as unknown as { key: string });
    expect(await repo.settings.get()).toEqual(reads);
  });

  it('gives the defaults for settings never saved', () => {
    expect(readStoredSettings(undefined)).toEqual({ ok: true, settings: DEFAULT_SETTINGS, upgradedFrom: null });
    expect(DEFAULT_SETTINGS.stages).toEqual(DEFAULT_STAGES);
  });

  it.each([
    [
      'a newer version',
      { ...STORED[3]!.record, version: 9 },
      'settings_newer',
      'the settings were saved by a newer Leadline (version 9; this one reads up to 3)',
    ],
    ['no version', { ...STORED[3]!.record, version: undefined }, 'settings_no_version', 'the settings record has no version'],
    ['version 0', { ...STORED[3]!.record, version: 0 }, 'settings_no_version', 'the settings record has no version'],
    ['a fractional version', { ...STORED[3]!.record, version: 1.5 }, 'settings_no_version', 'the settings record has no version'],
    [
      'a bad currency',
      { ...STORED[3]!.record, currency: 'euro' },
      'settings_invalid',
      'the value at currency is not valid: a three-letter currency code, like EUR',
    ],
    [
      'a reserved stage id',
      { ...STORED[3]!.record, stages: [...STAGES.slice(0, 2), { ...STAGES[2]!, id: 'lost' }] },
      'settings_invalid',
      'the value at stages is not valid: “lost” and “later” are reserved stage ids',
    ],
    ['a string', 'settings', 'settings_not_object', 'the settings record is not an object'],
  ])('reports a record with %s as unreadable, with the defaults to work with meanwhile', async (_what, record, code, words) => {
    const reading = readStoredSettings(record);
    expect(reading).toMatchObject({ ok: false, code, defaults: DEFAULT_SETTINGS });
    expect(readSettings(record)).toEqual(DEFAULT_SETTINGS);
    // As the page words it: through summary.get, a refused value as a field issue (a record in
    // `meta` is always an object: the string is for the reading alone).
    if (typeof record === 'string') return expect(textOf(problemText(reading))).toBe(words);
    const { db, send } = await backgroundSend();
    await db.put('meta', record as unknown as { key: string });
    expect(textOf(problemText((await send('summary.get', {})).settingsProblem))).toBe(words);
  });
});

describe('an unreadable settings record', () => {
  const broken = { key: 'settings', version: 7, stages: STAGES, ownEmails: ['me@acme.io'] };
  const problem = {
    error: 'the settings were saved by a newer Leadline (version 7; this one reads up to 3)',
    code: 'settings_newer',
    params: { version: 7, supported: 3 },
  };

  it('is reported by summary.get, kept as it was, and set aside when the user saves', async () => {
    const { db, send } = await backgroundSend();
    await db.put('meta', broken);
    const summary = await send('summary.get', {});
    expect(summary.settingsProblem).toEqual(problem);
    expect(textOf(problemText(summary.settingsProblem))).toBe('the settings were saved by a newer Leadline (version 7; this one reads up to 3)');
    expect(summary.settings).toEqual(DEFAULT_SETTINGS);
    expect(await db.get('meta', 'settings')).toEqual(broken);

    await send('settings.save', { ...DEFAULT_SETTINGS, currency: 'EUR' });
    expect(await db.get('meta', 'settings.unreadable')).toEqual({ ...broken, key: 'settings.unreadable' });
    expect((await send('summary.get', {})).settingsProblem).toBeNull();
  });

  it('is shown on the pipeline page and in the popup until the user saves', async () => {
    const { db, send } = await backgroundSend();
    await db.put('meta', broken);
    const page = new PipelineModel(
      send,
      { exportBackup: async () => ({ parts: [], leads: 0, touchpoints: 0 }), parse: () => ({ leads: [], touchpoints: [] }), restore: async () => {} },
      () => {},
    );
    await page.load();
    expect(page.settingsProblem.value).toEqual(problem);
    expect(page.settings.value).toEqual(DEFAULT_SETTINGS);
    const popup = new PopupModel(send);
    await popup.load();
    expect(popup.summary.value!.settingsProblem).toEqual(problem);

    expect(await page.settingsDraft.value!.save()).toEqual(DEFAULT_SETTINGS);
    await page.load();
    expect(page.settingsProblem.value).toBeNull();
  });
});
