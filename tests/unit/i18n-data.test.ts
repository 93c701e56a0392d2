/**
 * Stored data is language-free: the English sentences and names older versions stored are read
 * back into ids and parameters (reasons, default stage names, one-click summaries), in the
 * database (v4), in settings (v3) and in backups (format 1).
 */
import { describe, expect, it } from 'vitest';
import { isDefaultSummary, reasonFromStored } from '../../lib/pipeline/legacy';
import { classify, type Reason } from '../../lib/pipeline/temperature';
import { TEMPERATURE_RULES } from '../../lib/pipeline/constants';
import { readStoredSettings, DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { BACKUP_VERSION, exportBackup, parseBackup, restoreBackup } from '../../lib/db/backup';
import { reasonText } from '../../lib/i18n/labels';
import { freshRepo } from './helpers/db';
import { bant, makeLead } from './helpers/leads';
import { speak } from './helpers/i18n';

const HOT = { stage: 'qualified', temperature: 'hot' } as const;
const WARM = { stage: 'qualified', temperature: 'warm' } as const;
const COLD = { stage: 'qualified', temperature: 'cold' } as const;

describe('temperature reasons stored as English sentences (database v1–v3, backup format 1)', () => {
  // Each sentence exactly as lib/pipeline/temperature.ts wrote it up to commit 665c366.
  it.each<[string, string, { stage: string; temperature: 'hot' | 'warm' | 'cold' | null }, Reason]>([
    ['a BANT no', 'Authority: answered no', COLD, { rule: 'bant-no', params: { question: 'authority' } }],
    ['ghosting, one attempt', '1 attempt without a reply', COLD, { rule: 'ghosting', params: { attempts: 1 } }],
    ['ghosting', '4 attempts without a reply', COLD, { rule: 'ghosting', params: { attempts: 4 } }],
    ['stale since the last contact', 'No contact for 40 days (sales cycle 30)', COLD, { rule: 'stale', params: { days: 40, cycle: 30, since: 'contact' } }],
    [
      'stale since capture',
      'No contact since capture for 31 days (sales cycle 30)',
      COLD,
      { rule: 'stale', params: { days: 31, cycle: 30, since: 'capture' } },
    ],
    ['stale, one day', 'No contact for 1 day (sales cycle 1)', COLD, { rule: 'stale', params: { days: 1, cycle: 1, since: 'contact' } }],
    ['timeframe now', 'Decision timeframe: now', HOT, { rule: 'timeframe-now', params: {} }],
    ['BANT all yes', 'Budget, authority, need and timeline all confirmed', HOT, { rule: 'bant-all-yes', params: {} }],
    ['a recent reply (hot)', 'Replied today (within 7 days)', HOT, { rule: 'recent-reply', params: { days: 0, within: 7 } }],
    ['an older reply (warm)', 'Replied 1 day ago (within 30 days)', WARM, { rule: 'engaged', params: { days: 1, within: 30 } }],
    ['timeframe soon', 'Decision within about two months', WARM, { rule: 'timeframe-soon', params: {} }],
    ['timeframe later', 'Decision timeframe: later', COLD, { rule: 'no-timeframe', params: { timeframe: 'later' } }],
    ['no timeframe', 'No decision timeframe yet', COLD, { rule: 'no-timeframe', params: { timeframe: 'none' } }],
    [
      'outside the funnel, a renamed won stage',
      'Closed – paid leads have no temperature',
      { stage: 'won', temperature: null },
      { rule: 'outside-funnel', params: { stage: 'won' } },
    ],
    ['an override', 'Set by you (the rules say warm)', COLD, { rule: 'override', params: { rules: 'warm' } }],
    ['a sentence no version wrote', 'Met at the fair', COLD, { rule: 'unrecognised', params: { text: 'Met at the fair' } }],
    [
      'a reply sentence on a cold lead (the temperature cannot tell which rule)',
      'Replied today (within 7 days)',
      COLD,
      { rule: 'unrecognised', params: { text: 'Replied today (within 7 days)' } },
    ],
  ])('%s', (_what, sentence, lead, want) => {
    expect(reasonFromStored(sentence, lead)).toEqual(want);
  });

  it('reads back every reason the rules give today, from the sentence the old code wrote for it', () => {
    // The old wording, rebuilt from the rule and its figures as commit 665c366 built it.
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const old = (r: Reason, stageName: string): string => {
      const p = r.params as {
        question: string;
        attempts: number;
        since: string;
        days: number;
        cycle: number;
        within: number;
        rules: string;
        timeframe: string;
      };
      switch (r.rule) {
        case 'bant-no':
          return `${p.question[0]!.toUpperCase()}${p.question.slice(1)}: answered no`;
        case 'ghosting':
          return `${plural(p.attempts, 'attempt')} without a reply`;
        case 'stale':
          return `${p.since === 'capture' ? 'No contact since capture' : 'No contact'} for ${plural(p.days, 'day')} (sales cycle ${p.cycle})`;
        case 'recent-reply':
        case 'engaged':
          return `Replied ${p.days < 1 ? 'today' : `${plural(p.days, 'day')} ago`} (within ${p.within} days)`;
        case 'outside-funnel':
          return `${stageName} leads have no temperature`;
        case 'override':
          return `Set by you (the rules say ${p.rules})`;
        case 'no-timeframe':
          return p.timeframe === 'later' ? 'Decision timeframe: later' : 'No decision timeframe yet';
        default:
          return {
            'timeframe-now': 'Decision timeframe: now',
            'bant-all-yes': 'Budget, authority, need and timeline all confirmed',
            'timeframe-soon': 'Decision within about two months',
          }[r.rule as string]!;
      }
    };
    const now = new Date('2026-11-22T12:00:00.000Z');
    const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    const leads = [
      makeLead({ createdAt: day(2), qualification: bant({ budget: 'no', need: 'no' }) }),
      makeLead({ createdAt: day(20) }),
      makeLead({ createdAt: day(40) }),
      makeLead({ createdAt: day(2), qualification: bant({ timeframe: 'now' }) }),
      makeLead({ createdAt: day(2), qualification: bant({ budget: 'yes', authority: 'yes', need: 'yes', timeframe: 'within-2-months' }) }),
      makeLead({ createdAt: day(20) }),
      makeLead({ createdAt: day(2), qualification: bant({ timeframe: 'later' }) }),
      makeLead({ createdAt: day(2), stage: 'won' }),
      makeLead({ createdAt: day(2), temperatureOverride: 'hot' }),
      makeLead({ createdAt: day(5) }),
      makeLead({ createdAt: day(2), qualification: bant({ timeframe: 'within-2-months' }) }),
    ];
    const touches = [
      [],
      [0, 3, 6].map((d) => ({ direction: 'outbound' as const, at: day(d) })),
      [],
      [],
      [],
      [{ direction: 'inbound' as const, at: day(12) }],
      [],
      [],
      [],
      [{ direction: 'inbound' as const, at: day(2) }],
      [],
    ];
    const seen = new Set<string>();
    leads.forEach((lead, i) => {
      const c = classify(lead, touches[i]!, now, DEFAULT_SETTINGS);
      for (const reason of c.reasons) {
        seen.add(reason.rule);
        expect(reasonFromStored(old(reason, 'Won'), { stage: lead.stage, temperature: c.temperature })).toEqual(reason);
      }
    });
    expect([...seen].sort()).toEqual([...TEMPERATURE_RULES].sort());
  });

  it('shows an unrecognised sentence as it was, in any language', () => {
    speak('cs');
    expect(reasonText({ rule: 'unrecognised', params: { text: 'Met at the fair' } }, [])).toBe('Met at the fair');
  });
});

describe('one-click summaries that were only the button’s English label', () => {
  it.each([
    [{ channel: 'call', direction: 'outbound', summary: 'Call' }, true],
    [{ channel: 'linkedin-message', direction: 'inbound', summary: 'Message received' }, true],
    [{ channel: 'email', direction: 'inbound', summary: '(no subject)' }, true],
    [{ channel: 'call', direction: 'outbound', summary: 'Call back on Monday' }, false],
    // The label of another button is something the user typed.
    [{ channel: 'linkedin-message', direction: 'outbound', summary: 'Message received' }, false],
  ] as const)('%o → default: %s', (tp, want) => {
    expect(isDefaultSummary(tp)).toBe(want);
  });
});

describe('settings v3: default stages named from their ids', () => {
  const v2 = {
    key: 'settings',
    version: 2,
    stages: [
      { id: 'prospect', name: 'Prospect', probability: 0.05, rottingDays: 14 },
      { id: 'qualified', name: 'Qualified', probability: 0.1, rottingDays: 14 },
      { id: 'nurturing', name: 'Nurture', probability: 0.3, rottingDays: 45 },
      { id: 'demo', name: 'Demo', probability: 0.4, rottingDays: 7 },
      { id: 'won', name: 'Won', probability: 1, rottingDays: 3650 },
    ],
    thresholds: { hotReplyDays: 7, warmEngagedDays: 30, ghostingAttempts: 3, salesCycleDays: 30 },
    ownEmails: [],
    autoLog: true,
    currency: 'EUR',
    language: 'pl',
  };

  it('upgrades a version 2 record: English default names become null, renamed and own stages keep theirs', () => {
    const reading = readStoredSettings(v2);
    expect(reading).toMatchObject({ ok: true, upgradedFrom: 2 });
    expect(reading.ok && reading.settings.stages.map((s) => [s.id, s.name])).toEqual([
      ['prospect', null],
      ['qualified', null],
      ['nurturing', 'Nurture'],
      ['demo', 'Demo'],
      ['won', null],
    ]);
    expect(reading.ok && reading.settings).toMatchObject({ version: 3, language: 'pl', currency: 'EUR' });
  });

  it('upgrades a version 1 record through both steps', () => {
    const { language: _none, ...v1 } = { ...v2, version: 1 };
    const reading = readStoredSettings(v1);
    expect(reading.ok && [reading.settings.language, reading.settings.stages[0]!.name]).toEqual([null, null]);
  });

  it('refuses an unnamed stage of the user’s own (only default stages have names from ids)', () => {
    const reading = readStoredSettings({ ...v2, version: 3, stages: v2.stages.map((s) => ({ ...s, name: null })) });
    expect(reading).toMatchObject({ ok: false, error: expect.stringMatching(/stage of your own needs a name/) });
  });
});

describe('backups of format 1 (English sentences, settings v2)', () => {
  it('restore upgraded: reasons as rules, default stage names null, one-click summaries emptied', async () => {
    const { repo, db } = await freshRepo();
    const { lead } = await repo.leads.capture({ name: 'Ada Lovelace', linkedinUrl: 'https://www.linkedin.com/in/ada/', source: 'linkedin' });
    await repo.touchpoints.log({ leadId: lead.id, channel: 'call', direction: 'outbound', summary: '' });
    const current = JSON.parse((await exportBackup(db)).parts.join(''));
    // Format 1 as shipped: settings version 2 with English stage names, reasons as sentences,
    // and the button's label as a one-click summary.
    const v1 = {
      ...current,
      version: 1,
      settings: {
        ...current.settings,
        version: 2,
        stages: current.settings.stages.map((s: { id: string }) => ({ ...s, name: s.id[0]!.toUpperCase() + s.id.slice(1) })),
      },
      leads: current.leads.map((l: object) => ({ ...l, temperatureReasons: ['No decision timeframe yet'] })),
      touchpoints: current.touchpoints.map((t: object) => ({ ...t, summary: 'Call' })),
    };
    const parsed = parseBackup(JSON.stringify(v1));
    expect(parsed.version).toBe(BACKUP_VERSION);
    expect(parsed.settings.stages.every((s) => s.name === null)).toBe(true);
    expect(parsed.leads[0]!.temperatureReasons).toEqual([{ rule: 'no-timeframe', params: { timeframe: 'none' } }]);
    expect(parsed.touchpoints[0]!.summary).toBe('');
    const other = await freshRepo();
    await restoreBackup(other.db, parsed);
    expect((await other.repo.leads.get(lead.id))!.temperatureReasons).toEqual([{ rule: 'no-timeframe', params: { timeframe: 'none' } }]);
    expect((await other.repo.settings.get()).stages[0]!.name).toBeNull();
  });
});
