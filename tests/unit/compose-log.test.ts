import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers/db';
import { threadSubject } from '../../lib/pipeline/email-subject';

// Real Gmail message ids (KartikTalwar/gmail.js test/test.parsing.js @ b7dfdabc): the sent message
// keeps its draft's id `msg-a:r…`; received ones are `msg-f:…`.
const DRAFT = 'msg-a:r-5459297729901660292';

describe('emails logged as they are sent, then found in the thread', () => {
  const setup = async () => {
    const { repo, db } = await freshRepo('2026-11-27T10:00:00.000Z');
    const { lead } = await repo.leads.capture({ name: 'Lena Vogel', emails: ['lena.vogel@brightpath-labs.de'], source: 'gmail' });
    const sent = { leadId: lead.id, channel: 'email' as const, direction: 'outbound' as const, summary: 'Re: Partnership call next week' };
    return { repo, db, lead, sent };
  };

  it('takes the message id of the draft logged at send: one touchpoint, however often the thread is logged', async () => {
    const { repo, db, sent } = await setup();
    await repo.touchpoints.log({ ...sent, at: '2026-11-27T10:00:00.000Z', externalId: `compose:${DRAFT}` });
    const again = await repo.touchpoints.log({ ...sent, summary: 'Partnership call next week', at: '2026-11-27T10:00:30.000Z', externalId: DRAFT });
    expect(again.created).toBe(false);
    await repo.touchpoints.log({ ...sent, summary: 'Partnership call next week', at: '2026-11-27T10:00:30.000Z', externalId: DRAFT });
    const all = await db.getAll('touchpoints');
    expect(all.map((t) => [t.externalId, t.at])).toEqual([[DRAFT, '2026-11-27T10:00:30.000Z']]);
  });

  it('matches a send without a draft id by thread subject within 15 minutes, and only then', async () => {
    const { repo, db, sent } = await setup();
    await repo.touchpoints.log({ ...sent, at: '2026-11-27T10:00:00.000Z', externalId: 'compose:4b7c2e0a-3f1d-4a5e-9c8b-1d2e3f4a5b6c' });
    // Another subject, or 16 minutes later: a different email.
    expect((await repo.touchpoints.log({ ...sent, summary: 'Invoice', at: '2026-11-27T10:01:00.000Z', externalId: 'msg-f:1' })).created).toBe(true);
    expect((await repo.touchpoints.log({ ...sent, at: '2026-11-27T10:16:01.000Z', externalId: 'msg-f:2' })).created).toBe(true);
    // The thread's message, sent 14 minutes after the click (the subject without "Re:"): the same email.
    expect(
      (await repo.touchpoints.log({ ...sent, summary: 'Partnership call next week', at: '2026-11-27T10:14:00.000Z', externalId: 'msg-f:3' })).created,
    ).toBe(false);
    expect((await db.getAll('touchpoints')).map((t) => t.externalId).sort()).toEqual(['msg-f:1', 'msg-f:2', 'msg-f:3']);
  });

  it('never takes an inbound message for a sent one', async () => {
    const { repo, db, sent } = await setup();
    await repo.touchpoints.log({ ...sent, at: '2026-11-27T10:00:00.000Z', externalId: `compose:${DRAFT}` });
    const reply = await repo.touchpoints.log({ ...sent, direction: 'inbound', at: '2026-11-27T10:05:00.000Z', externalId: 'msg-f:1845457786107077869' });
    expect(reply.created).toBe(true);
    expect(await db.count('touchpoints')).toBe(2);
  });

  it.each([
    ['Re: Pilot', 'pilot'],
    ['RE: re: Fwd: Pilot', 'pilot'],
    ['AW: WG: Pilot', 'pilot'],
    ['Odp: Pilot', 'pilot'],
    ['Re[2]: Pilot', 'pilot'],
    ['回复：Pilot', 'pilot'],
    ['Trả lời: Pilot', 'pilot'],
    ['  Pilot   kickoff ', 'pilot kickoff'],
    ['Retail pricing', 'retail pricing'],
  ])('reads the thread subject of %j as %j', (subject, thread) => {
    expect(threadSubject(subject)).toBe(thread);
  });
});
