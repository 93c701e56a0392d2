import { describe, expect, it, vi } from 'vitest';
import { sidebarSend } from './helpers/dispatch';

// Real identifiers from tests/fixtures/linkedin-more (README): the 2026-06 messaging partners'
// member ids, a search row's vanity URL and Sales Navigator lead pages of 2026-08.
const AGNIESZKA_ID = 'ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0';
const KAMILA_ID = 'ACoAACUeulABeTYL-oMCEWa-XdlJvCkMm9c4gEg';
const TORON = 'https://www.linkedin.com/in/malgorzatatoron/';
const CHENG_SALES = 'https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s';
const ANGEL_SALES = 'https://www.linkedin.com/sales/lead/ACwAABozmfwBRIwY1WYUYoFyRaiOIz9pr0O-3kY';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==/';
// The message urns of the 2026-06 Agnieszka thread (tests/unit/linkedin-messaging.test.ts).
const URN_OWN =
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAABKvAGAByG8i6_NVRd2zmZLSYbUYJErO4lE,2-MTc3ODc3NTU4NDUwNGIxMjE0Ni0xMDAmNTljYjZlZjAtNDdjYi00YjVmLWIyYWYtNTBiNDQ1MzAyODk4XzEwMA==)';
const URN_THEIRS =
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAABKvAGAByG8i6_NVRd2zmZLSYbUYJErO4lE,2-MTc4MjI4MjkyODk0MGI1NjE3Ny0xMDAmNTljYjZlZjAtNDdjYi00YjVmLWIyYWYtNTBiNDQ1MzAyODk4XzEwMA==)';

describe('people lists', () => {
  it('captures several people of a list in one transaction, returning who was already a lead', async () => {
    const { send, db, changed } = await sidebarSend();
    const existing = await send('lead.capture', { name: 'Małgorzata Toroń', linkedinUrl: TORON, source: 'linkedin' });
    const transaction = vi.spyOn(db, 'transaction');
    const { results } = await send('leads.captureMany', {
      rows: [
        { name: 'Małgorzata Toroń', headline: 'Obsługa klienta', linkedinUrl: TORON, source: 'linkedin' },
        { name: 'Anna Majewska', headline: 'Leasing.', location: 'Poznań', linkedinUrl: 'https://www.linkedin.com/in/annmajewska/', source: 'linkedin' },
        // An out-of-network row links a member id, not a profile address.
        { name: 'Kamila Serafin', linkedinMemberId: KAMILA_ID, source: 'linkedin' },
      ],
    });
    const writes = transaction.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    expect(results.map((r) => [r.lead.name, r.created])).toEqual([
      ['Małgorzata Toroń', false],
      ['Anna Majewska', true],
      ['Kamila Serafin', true],
    ]);
    expect(results[0]!.lead.id).toBe(existing.lead.lead.id);
    expect(changed.at(-1)).toEqual([results[1]!.lead.id, results[2]!.lead.id]);
    expect(await db.count('leads')).toBe(3);
    expect((await db.getFromIndex('leads', 'byMemberId', KAMILA_ID))?.linkedinUrl).toBeNull();
  });

  it('tells which people of a list are leads, by profile URL or member id, in list order', async () => {
    const { send } = await sidebarSend();
    const a = await send('lead.capture', { name: 'Małgorzata Toroń', linkedinUrl: TORON, source: 'linkedin' });
    const k = await send('lead.capture', { name: 'Kamila Serafin', linkedinMemberId: KAMILA_ID, source: 'linkedin' });
    const { found } = await send('leads.lookupMany', {
      people: [{ linkedinUrl: 'https://www.linkedin.com/in/annmajewska/' }, { linkedinMemberId: KAMILA_ID }, { linkedinUrl: TORON }],
    });
    expect(found).toEqual([
      null,
      { id: k.lead.lead.id, name: 'Kamila Serafin', stage: 'prospect' },
      { id: a.lead.lead.id, name: 'Małgorzata Toroń', stage: 'prospect' },
    ]);
  });
});

describe('conversations', () => {
  const messages = [
    {
      channel: 'linkedin-message',
      direction: 'outbound',
      at: '2026-05-14T16:19:00.000Z',
      summary: 'Twoje unikalne połączenie',
      url: THREAD,
      externalId: URN_OWN,
    },
    {
      channel: 'linkedin-message',
      direction: 'inbound',
      at: '2026-06-24T06:35:00.000Z',
      summary: 'Dzień dobry Pani Marcinie.',
      url: THREAD,
      externalId: URN_THEIRS,
    },
  ] as const;

  it('logs each message once however often the conversation is logged, with its direction and time', async () => {
    const { send, db, clock } = await sidebarSend('2026-06-25T10:00:00.000Z');
    const { lead } = await send('lead.capture', { name: 'AGNIESZKA Pankowicz-Figiel', linkedinMemberId: AGNIESZKA_ID, source: 'linkedin' });
    const first = await send('touchpoints.logMany', { leadId: lead.lead.id, touchpoints: [...messages] });
    clock.now = new Date('2026-06-25T11:00:00.000Z');
    const again = await send('touchpoints.logMany', { leadId: lead.lead.id, touchpoints: [...messages] });
    expect([first.created, again.created]).toEqual([2, 0]);
    const stored = await db.getAll('touchpoints');
    expect(stored.map((t) => [t.direction, t.at, t.externalId]).sort()).toEqual([
      ['inbound', '2026-06-24T06:35:00.000Z', URN_THEIRS],
      ['outbound', '2026-05-14T16:19:00.000Z', URN_OWN],
    ]);
    // An inbound reply the day before: hot (a reply within 7 days), the reply the last contact.
    expect(first.lead.lead).toMatchObject({ lastTouchAt: '2026-06-24T06:35:00.000Z', temperature: 'hot' });
    expect(again.lead.lead.updatedAt).toBe(first.lead.lead.updatedAt);
  });

  it('offers a lead with the same folded name for a partner known only by member id, and links it', async () => {
    const { send, dispatch } = await sidebarSend();
    const same = await send('lead.capture', { name: 'Agnieszka Pankowicz-Figiel', company: 'Bank', source: 'manual' });
    await send('lead.capture', { name: 'Agnieszka Pankowicz-Figiel', linkedinMemberId: KAMILA_ID, source: 'manual' });
    const lookup = await send('lead.lookup', { linkedinMemberId: AGNIESZKA_ID, name: 'AGNIESZKA Pankowicz-Figiel' });
    // Case folds; the namesake with another member id is someone else.
    expect(lookup).toEqual({ lead: null, duplicates: [expect.objectContaining({ id: same.lead.lead.id })] });
    await send('lead.update', { id: same.lead.lead.id, patch: { linkedinMemberId: AGNIESZKA_ID }, base: { linkedinMemberId: null } });
    expect((await send('lead.lookup', { linkedinMemberId: AGNIESZKA_ID, name: 'AGNIESZKA Pankowicz-Figiel' })).lead?.lead.id).toBe(same.lead.lead.id);
    // A member id belongs to one lead only.
    const third = await send('lead.capture', { name: 'Someone Else', source: 'manual' });
    const reply = await dispatch(
      { leadline: 'request', type: 'lead.update', payload: { id: third.lead.lead.id, patch: { linkedinMemberId: AGNIESZKA_ID } } },
      { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/sidebar.html' },
    );
    expect(reply.ok).toBe(false);
  });
});

describe('Sales Navigator', () => {
  it('finds a lead by its Sales Navigator page, and offers same-name leads of the same or no company otherwise', async () => {
    const { send } = await sidebarSend();
    const cheng = await send('lead.capture', {
      name: 'Cheng Huang',
      company: 'SoloTerminal',
      linkedinUrl: 'https://www.linkedin.com/in/cheng-huang/',
      source: 'linkedin',
    });
    await send('lead.capture', { name: 'Cheng Huang', company: 'Other Corp', source: 'manual' });
    const nameless = await send('lead.capture', { name: 'CHENG HUANG', source: 'manual' });
    const offered = await send('lead.lookup', { salesNavUrl: CHENG_SALES, name: 'CHENG HUANG', company: 'SoloTerminal' });
    expect(offered.lead).toBeNull();
    expect(offered.duplicates.map((d) => d.id).sort()).toEqual([cheng.lead.lead.id, nameless.lead.lead.id].sort());
    await send('lead.update', { id: cheng.lead.lead.id, patch: { salesNavUrl: CHENG_SALES }, base: { salesNavUrl: null } });
    expect((await send('lead.lookup', { salesNavUrl: CHENG_SALES, name: 'CHENG HUANG' })).lead?.lead.id).toBe(cheng.lead.lead.id);
    // A lead with another Sales Navigator page is another person.
    expect((await send('lead.lookup', { salesNavUrl: ANGEL_SALES, name: 'Cheng Huang', company: 'SoloTerminal' })).duplicates.map((d) => d.id)).toEqual([
      nameless.lead.lead.id,
    ]);
  });
});
