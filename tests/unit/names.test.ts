// Names and companies a page shows unusably: far too long, or made only of characters that show
// nothing. The profile values are synthetic (written 2026-11-27) on the real profile address of
// tests/fixtures/linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasVisibleText, textProblem } from '../../lib/domain/text';
import { captureInput, lookupInput, leadPatch } from '../../lib/messaging/protocol';
import { lead as leadSchema } from '../../lib/pipeline/model';
import { ProfilePanelModel } from '../../lib/ui/profile-panel-model';
import { ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { parseField, textIssue, type Parsed } from '../../lib/ui/lead-fields';
import { textOf, type Text } from '../../lib/i18n/i18n';
import { issueOf } from '../../lib/messaging/issues';
import { issueText } from '../../lib/i18n/problems';
import { speak } from './helpers/i18n';
import type { ProfileExtraction } from '../../lib/sites/linkedin/extract';
import { backgroundSend } from './helpers/send';
import { makeLead } from './helpers/leads';

const URL = 'https://www.linkedin.com/in/kireetagrawal/';
const LONG = `Kireet ${'A'.repeat(293)}`;
/** Zero-width space, zero-width non-joiner, word joiner. */
const INVISIBLE = '\u200b\u200c\u2060';

beforeAll(() => speak('en'));

/** Problems by field, as the form shows them. */
const shown = (problems: Partial<Record<string, Text>>) => Object.fromEntries(Object.entries(problems).map(([field, text]) => [field, textOf(text)]));
/** A parsed field, its refusal as the form shows it. */
const worded = (parsed: Parsed) => (parsed.ok ? parsed : { ok: false, error: textOf(parsed.error) });

const profile = (name: string, company: string): ProfileExtraction => ({
  found: { name, company, headline: 'Software Engineer at Gantry', location: 'Berkeley, California, United States', linkedinUrl: URL },
  missing: [],
  via: {},
  contentSlug: null,
});

describe('visible text', () => {
  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner and joiner', '\u200c\u200d'],
    ['word joiner', '\u2060'],
    ['soft hyphen', '\u00ad'],
    ['left-to-right and right-to-left marks', '\u200e\u200f'],
    ['bidi embeddings and overrides', '\u202a\u202b\u202c\u202d\u202e'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069'],
    ['Arabic letter mark', '\u061c'],
    ['Hangul filler', '\u3164'],
    ['variation selector', '\ufe0f'],
    ['a control character', '\u0007'],
  ])('finds nothing visible in a %s', (_what, text) => {
    expect(hasVisibleText(text)).toBe(false);
    expect(textProblem('name', `${text}${text}`)).toEqual({ kind: 'invisible' });
  });

  it('takes white space and a byte order mark for nothing: trimmed away, the value is empty, not invisible', () => {
    for (const text of ['\ufeff', ' \t\u00a0']) {
      expect(hasVisibleText(text)).toBe(false);
      expect(textProblem('name', text)).toBeNull();
    }
    expect(textProblem('name', '\ufeff\u200b')).toEqual({ kind: 'invisible' });
  });

  it.each(['Ada', 'Zoë', 'Đặng Thị Ngọc', '王秀英', 'Łukasz Żółć', 'O\u2019Brien', '👩\u200d💻', 'x\u200b'])('sees %s', (text) => {
    expect(hasVisibleText(text)).toBe(true);
    expect(textProblem('name', text)).toBeNull();
  });

  it('measures the trimmed value against the field’s limit', () => {
    expect(textProblem('name', ` ${'a'.repeat(200)} `)).toBeNull();
    expect(textProblem('name', 'a'.repeat(201))).toEqual({ kind: 'too-long', length: 201, max: 200 });
    expect(textProblem('headline', 'a'.repeat(501))).toEqual({ kind: 'too-long', length: 501, max: 500 });
    expect(textProblem('company', '')).toBeNull();
  });
});

describe('schemas', () => {
  it('refuse a name or company of invisible characters where text comes in', () => {
    const refused = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(refused(captureInput.safeParse({ name: INVISIBLE, source: 'linkedin' }))).toEqual([
      'name: shows only invisible characters (such as zero-width spaces)',
    ]);
    expect(refused(captureInput.safeParse({ name: 'Kireet', company: INVISIBLE, source: 'linkedin' }))).toEqual([
      'company: shows only invisible characters (such as zero-width spaces)',
    ]);
    expect(refused(leadPatch.safeParse({ name: '\u00ad\u200e' }))).toEqual(['name: shows only invisible characters (such as zero-width spaces)']);
    expect(refused(lookupInput.safeParse({ linkedinUrl: URL, name: INVISIBLE }))).toEqual([
      'name: shows only invisible characters (such as zero-width spaces)',
    ]);
    expect(captureInput.safeParse({ name: 'Zoë\u200b', company: 'Gantry', source: 'linkedin' }).success).toBe(true);
    // The refusal carries a code, so a page words it in its own language.
    const issue = issueOf(captureInput.safeParse({ name: INVISIBLE, source: 'linkedin' }).error!.issues[0]!);
    expect(issue).toMatchObject({ path: ['name'], code: 'invisible_only' });
    expect(textOf(issueText(issue))).toBe('only invisible characters (such as zero-width spaces)');
  });

  it('still read a stored lead whose name is invisible, so an older backup opens', () => {
    expect(leadSchema.safeParse(makeLead({ name: INVISIBLE })).success).toBe(true);
  });
});

describe('the LinkedIn capture form with an unusable name and company', () => {
  it('looks the profile up by its address, shows each problem beside its field, and captures once edited', async () => {
    const { send, db } = await backgroundSend();
    const model = new ProfilePanelModel(send);
    await model.showProfile(profile(LONG, INVISIBLE));
    expect(model.state.value).toEqual({ kind: 'new' });
    expect(shown(model.problems.value)).toEqual({
      name: '300 characters: the limit is 200. Shorten it to save.',
      company: 'Only invisible characters (such as zero-width spaces): type it, or clear the field.',
    });
    expect(model.canCapture.value).toBe(false);
    await model.capture();
    expect(await db.count('leads')).toBe(0);

    model.edit('name', 'Kireet Agrawal');
    expect(shown(model.problems.value)).toEqual({ company: 'Only invisible characters (such as zero-width spaces): type it, or clear the field.' });
    model.edit('company', '');
    expect(model.canCapture.value).toBe(true);
    await model.capture();
    expect(model.state.value.kind).toBe('known');
    expect(await db.getAll('leads')).toMatchObject([{ name: 'Kireet Agrawal', company: null, headline: 'Software Engineer at Gantry', linkedinUrl: URL }]);
  });

  it('names the invisible name as such, and shows a known lead whatever its page shows now', async () => {
    const { send, repo } = await backgroundSend();
    const model = new ProfilePanelModel(send);
    await model.showProfile(profile(INVISIBLE, 'Gantry'));
    expect(shown(model.problems.value)).toEqual({ name: 'Only invisible characters (such as zero-width spaces): type the name.' });

    const { lead } = await repo.leads.capture({ name: 'Kireet Agrawal', linkedinUrl: URL, source: 'linkedin' });
    const again = new ProfilePanelModel(send);
    await again.showProfile(profile(LONG, INVISIBLE));
    const state = again.state.value;
    expect(state.kind).toBe('known');
    expect(state.kind === 'known' && state.card.id).toBe(lead.id);
  });
});

describe('the Gmail capture form and the lead editor', () => {
  it('keep an unusable name from being sent, with the reason beside the field', async () => {
    const { send, db, calls } = await backgroundSend();
    const model = new ThreadPanelModel(send);
    const email = 'kireet@gantry.io';
    await model.showThread(
      {
        threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF',
        permThreadId: null,
        subject: 'Hello',
        messages: [
          { id: 'msg-f:1747290017263711553', at: '2026-11-20T10:00:00.000Z', from: { name: INVISIBLE, email }, to: [], collapsed: false, missing: [] },
        ],
        hiddenCount: 0,
        readingPane: false,
      },
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF',
      ['me@acme.io'],
    );
    expect(shown(model.draftProblems(email))).toEqual({ name: 'Only invisible characters (such as zero-width spaces): type the name.' });
    await model.capture(email);
    expect(calls.filter((c) => c === 'lead.capture')).toEqual([]);
    model.editDraft(email, 'name', 'Kireet Agrawal');
    expect(shown(model.draftProblems(email))).toEqual({});
    await model.capture(email);
    expect(await db.getAll('leads')).toMatchObject([{ name: 'Kireet Agrawal', company: 'Gantry', emails: [email] }]);
  });

  it('refuses to save an over-long or invisible field, saying why', () => {
    expect(worded(parseField('name', 'a'.repeat(201)))).toEqual({ ok: false, error: '201 characters: the limit is 200. Shorten it to save.' });
    expect(worded(parseField('company', INVISIBLE))).toEqual({
      ok: false,
      error: 'Only invisible characters (such as zero-width spaces): type it, or clear the field.',
    });
    expect(parseField('company', '  ')).toEqual({ ok: true, value: null });
    expect(parseField('name', ' Ada ')).toEqual({ ok: true, value: 'Ada' });
    expect(textIssue('location', 'Berlin')).toBeNull();
  });
});
