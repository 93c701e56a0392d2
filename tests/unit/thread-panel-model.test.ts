// The Gmail sidebar's model, through the real background over fake-indexeddb. Threads are synthetic
// (written 2026-11-27) with real-form ids: a thread token of letters only
// (/work/shared/research: Gmail URL tokens) and `msg-f:` message ids as in tests/unit/gmail.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../lib/i18n/i18n';
import { speak } from './helpers/i18n';
import { ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import type { GmailMessage, GmailThread, Participant } from '../../lib/sites/gmail/extract';
import { backgroundSend } from './helpers/send';

beforeAll(() => speak('en'));

const THREAD_ID = 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF';
const URL = `https://mail.google.com/mail/u/0/#inbox/${THREAD_ID}`;
const ME = { email: 'jane.rep@northwind.io', name: 'Jane Rep' };
const PRIYA = { email: 'priya.nair@globex.co.uk', name: 'Priya Nair' };
const OMAR = { email: 'omar@initech.com', name: 'Omar Haddad' };

const message = (id: string, at: string | null, from: Participant | null, to: Participant[]): GmailMessage => ({
  id,
  at,
  from,
  to,
  collapsed: false,
  missing: [],
});
const thread = (messages: GmailMessage[]): GmailThread => ({
  subject: 'Pilot pricing',
  threadId: THREAD_ID,
  permThreadId: null,
  messages,
  hiddenCount: 0,
  readingPane: false,
});

async function setup(autoLog = false) {
  const bg = await backgroundSend();
  await bg.send('settings.patch', { autoLog });
  return { ...bg, model: new ThreadPanelModel(bg.send) };
}

describe('Gmail thread panel', () => {
  it('lists everyone but the user, a known lead as a card and a new person as a capture draft', async () => {
    const { model, repo } = await setup();
    await repo.leads.capture({ name: 'Priya Nair', emails: [PRIYA.email], source: 'gmail' });
    await model.showThread(
      thread([
        message('msg-f:1747290017263711553', '2026-11-20T09:12:00.000Z', PRIYA, [ME, { email: OMAR.email, name: null }]),
        message('msg-f:1747301188000112233', '2026-11-20T10:00:00.000Z', OMAR, [PRIYA]),
      ]),
      URL,
      [ME.email],
    );
    expect(model.rows.value.map((r) => [r.participant.email, r.card ? 'lead' : 'new', r.draft])).toEqual([
      [PRIYA.email, 'lead', { name: 'Priya Nair', company: 'Globex' }],
      [OMAR.email, 'new', { name: 'Omar Haddad', company: 'Initech' }],
    ]);
  });

  it('logs each message that concerns a lead once, inbound or outbound by sender, and not the others', async () => {
    const { model, repo, db } = await setup();
    const { lead } = await repo.leads.capture({ name: 'Priya Nair', emails: [PRIYA.email], source: 'gmail' });
    await model.showThread(
      thread([
        message('msg-f:1747290017263711553', '2026-11-20T09:12:00.000Z', PRIYA, [ME]),
        message('msg-f:1747301188000112233', '2026-11-20T10:00:00.000Z', ME, [PRIYA]),
        // Between two other people: nothing to do with Priya.
        message('msg-f:1747388800000444555', '2026-11-20T11:00:00.000Z', OMAR, [{ email: 'ops@initech.com', name: null }]),
        // Sent by the user, recipients not shown (a collapsed message): it concerns the lead.
        message('msg-f:1747399900000555666', '2026-11-20T12:00:00.000Z', ME, []),
        // Sent by someone else, recipients not shown: it does not.
        message('msg-f:1747411100000666777', '2026-11-20T13:00:00.000Z', OMAR, []),
      ]),
      URL,
      [ME.email],
    );
    await model.logThread();
    expect(textOf(model.logResult.value)).toBe('Logged 3 email touchpoints.');
    const logged = (await db.getAll('touchpoints')).sort((a, b) => (a.at < b.at ? -1 : 1));
    expect(logged.map((t) => [t.externalId, t.direction, t.at, t.leadId, t.summary, t.url])).toEqual([
      ['msg-f:1747290017263711553', 'inbound', '2026-11-20T09:12:00.000Z', lead.id, 'Pilot pricing', URL],
      ['msg-f:1747301188000112233', 'outbound', '2026-11-20T10:00:00.000Z', lead.id, 'Pilot pricing', URL],
      ['msg-f:1747399900000555666', 'outbound', '2026-11-20T12:00:00.000Z', lead.id, 'Pilot pricing', URL],
    ]);
    await model.logThread();
    expect(textOf(model.logResult.value)).toBe('Already logged.');
    expect(await db.count('touchpoints')).toBe(3);
  });

  it('says how many messages it skipped for lack of a date or id', async () => {
    const { model, repo } = await setup();
    await repo.leads.capture({ name: 'Priya Nair', emails: [PRIYA.email], source: 'gmail' });
    await model.showThread(
      thread([message('msg-f:1747290017263711553', '2026-11-20T09:12:00.000Z', PRIYA, [ME]), message('msg-f:1747301188000112233', null, PRIYA, [ME])]),
      URL,
      [ME.email],
    );
    await model.logThread();
    expect(textOf(model.logResult.value)).toBe('Logged 1 email touchpoint. 1 message skipped: date or id not readable (open it).');
  });

  it('auto-logs a thread with a lead when it is opened, once', async () => {
    const { model, repo, db } = await setup(true);
    await repo.leads.capture({ name: 'Priya Nair', emails: [PRIYA.email], source: 'gmail' });
    const t = thread([message('msg-f:1747290017263711553', '2026-11-20T09:12:00.000Z', PRIYA, [ME])]);
    await model.showThread(t, URL, [ME.email]);
    expect(textOf(model.logResult.value)).toBe('Auto-logged: Logged 1 email touchpoint.');
    await model.showThread(t, URL, [ME.email]);
    expect(await db.count('touchpoints')).toBe(1);
  });

  it('captures a participant with the company guessed from the domain, then shows the card', async () => {
    const { model, db } = await setup();
    await model.showThread(thread([message('msg-f:1747290017263711553', '2026-11-20T09:12:00.000Z', OMAR, [ME])]), URL, [ME.email]);
    await model.capture(OMAR.email);
    expect(await db.getAll('leads')).toMatchObject([{ name: 'Omar Haddad', company: 'Initech', emails: [OMAR.email], source: 'gmail' }]);
    expect(model.rows.value[0]!.card?.view.value.lead.name).toBe('Omar Haddad');
  });

  it('saves the Gmail options and reads the user’s addresses from them too', async () => {
    const { model } = await setup();
    await model.loadOptions();
    expect(model.options.value).toEqual({ autoLog: false, ownEmails: '' });
    await model.saveOptions({ ownEmails: 'jane@northwind.io; JANE.REP@northwind.io', autoLog: true });
    expect(model.options.value).toEqual({ autoLog: true, ownEmails: 'jane@northwind.io, jane.rep@northwind.io' });
    expect([...model.ownEmails()]).toEqual(['jane@northwind.io', 'jane.rep@northwind.io']);
  });
});
