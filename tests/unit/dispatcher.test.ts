import { describe, expect, it } from 'vitest';
import { createDispatcher, type SenderInfo } from '../../lib/messaging/server';
import { createHandlers } from '../../lib/background/service';
import { freshRepo } from './helpers/db';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const policy = {
  extensionId: EXT,
  extensionOrigin: `chrome-extension://${EXT}/`,
  isHostPage: (url: string) => /^https:\/\/([a-z]+\.)?linkedin\.com\//.test(url) || url.startsWith('https://mail.google.com/'),
};
const PAGE: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/popup.html` };
const LINKEDIN_TAB: SenderInfo = { id: EXT, url: 'https://www.linkedin.com/in/ada/', tab: { url: 'https://www.linkedin.com/in/ada/' } };

async function setup() {
  const { repo, db } = await freshRepo();
  const changes: string[][] = [];
  const dispatch = createDispatcher(
    createHandlers(repo, (ids: string[]) => changes.push(ids)),
    policy,
  );
  return { dispatch, db, changes };
}

const capture = (payload: unknown) => ({ leadline: 'request', type: 'lead.capture', payload });

describe('message dispatcher', () => {
  it('captures from a LinkedIn content script and tells listeners what changed', async () => {
    const { dispatch, db, changes } = await setup();
    const reply = await dispatch(capture({ name: 'Ada', linkedinUrl: 'https://www.linkedin.com/in/ada/', source: 'linkedin' }), LINKEDIN_TAB);
    expect(reply.ok).toBe(true);
    expect(await db.count('leads')).toBe(1);
    expect(changes).toHaveLength(1);
  });

  it.each([
    ['an empty name', capture({ name: '  ', source: 'linkedin' }), /name/],
    ['a non-canonical LinkedIn URL', capture({ name: 'Ada', linkedinUrl: 'https://evil.com/in/ada', source: 'linkedin' }), /linkedinUrl/],
    ['an unknown source', capture({ name: 'Ada', source: 'carrier-pigeon' }), /source/],
    ['a bad email', capture({ name: 'Ada', emails: ['not-an-email'], source: 'gmail' }), /emails/],
    ['a non-https photo', capture({ name: 'Ada', photoUrl: 'javascript:alert(1)', source: 'linkedin' }), /photoUrl/],
    ['no payload', { leadline: 'request', type: 'lead.capture' }, /name/],
    ['an unknown type', { leadline: 'request', type: 'lead.explode', payload: {} }, /Unknown message type/],
    ['a prototype key as type', { leadline: 'request', type: 'toString', payload: {} }, /Unknown message type/],
    ['a string', 'hello', /Not a Leadline request/],
    ['null', null, /Not a Leadline request/],
    ['an unknown patch field', { leadline: 'request', type: 'lead.update', payload: { id: 'x', patch: { stage: 'won' } } }, /patch/],
    ['a negative deal value', { leadline: 'request', type: 'lead.update', payload: { id: 'x', patch: { dealValue: -5 } } }, /dealValue/],
    ['a lost move without reason', { leadline: 'request', type: 'lead.move', payload: { id: 'x', move: { to: 'lost' } } }, /reason/],
  ])('rejects %s with a readable error and writes nothing', async (_what, message, error) => {
    const { dispatch, db, changes } = await setup();
    const reply = await dispatch(message, PAGE);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
    expect(await db.count('leads')).toBe(0);
    expect(changes).toEqual([]);
  });

  it.each([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' }],
    ['a content script on a foreign site', { id: EXT, url: 'https://evil.com/', tab: { url: 'https://evil.com/' } }],
    ['an unknown context', { id: EXT }],
  ])('refuses a sender from %s', async (_what, sender) => {
    const { dispatch, db } = await setup();
    const reply = await dispatch(capture({ name: 'Ada', source: 'manual' }), sender);
    expect(reply).toEqual({ ok: false, error: 'Sender not allowed.', code: 'sender_not_allowed', params: {} });
    expect(await db.count('leads')).toBe(0);
  });

  it('keeps page-only messages away from content scripts', async () => {
    const { dispatch } = await setup();
    const reply = await dispatch({ leadline: 'request', type: 'aggregates.rebuild', payload: {} }, LINKEDIN_TAB);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/only be sent from Leadline's own pages/) });
    expect((await dispatch({ leadline: 'request', type: 'aggregates.rebuild', payload: {} }, PAGE)).ok).toBe(true);
  });

  it('answers a handler failure as an error, not a crash', async () => {
    const { dispatch } = await setup();
    const reply = await dispatch({ leadline: 'request', type: 'lead.get', payload: { id: 'missing' } }, PAGE);
    expect(reply).toEqual({ ok: false, error: 'No lead with id missing.', code: 'lead_not_found', params: { id: 'missing' } });
  });
});

describe('settings.patch from a sidebar', () => {
  it('changes auto-log and own addresses, and nothing else', async () => {
    const { dispatch } = await setup();
    const GMAIL_TAB: SenderInfo = { id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { url: 'https://mail.google.com/mail/u/0/#inbox' } };
    const ok = await dispatch({ leadline: 'request', type: 'settings.patch', payload: { autoLog: false, ownEmails: ['Me@Work.com'] } }, GMAIL_TAB);
    expect(ok).toMatchObject({ ok: true, value: { autoLog: false, ownEmails: ['me@work.com'], currency: 'USD' } });
    const sneaky = await dispatch({ leadline: 'request', type: 'settings.patch', payload: { stages: [] } }, GMAIL_TAB);
    expect(sneaky).toMatchObject({ ok: false, error: expect.stringMatching(/stages/) });
  });
});
