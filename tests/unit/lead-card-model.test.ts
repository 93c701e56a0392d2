import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../lib/i18n/i18n';
import { speak } from './helpers/i18n';
import { LeadCardModel, localInput } from '../../lib/ui/lead-card-model';
import { QUICK_LOGS } from '../../lib/ui/quick-logs';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { localDay } from '../../lib/pipeline/time';
import type { Send } from '../../lib/ui/send';
import { backgroundSend } from './helpers/send';

beforeAll(() => speak('en'));

const PROFILE = 'https://www.linkedin.com/in/kireetagrawal/';
const log = (id: string) => QUICK_LOGS.find((q) => q.id === id)!;

async function setup(full = false) {
  const bg = await backgroundSend();
  const { lead } = await bg.repo.leads.capture({ name: 'Kireet Agrawal', linkedinUrl: PROFILE, source: 'linkedin' });
  const view = await bg.send('lead.get', { id: lead.id });
  const card = new LeadCardModel(bg.send, view, DEFAULT_SETTINGS, PROFILE, full);
  return { ...bg, card, lead };
}

describe('lead card model', () => {
  it('logs a quick touchpoint with the typed summary and a link back, then clears the summary', async () => {
    const { card, db, clock } = await setup();
    card.summary.value = 'Asked about Q1 budget';
    expect(await card.quickLog(log('message-sent'))).toBe(true);
    expect(card.summary.value).toBe('');
    expect(textOf(card.notice.value)).toBe('Logged: Message sent');
    expect(card.lastLogCreated).toBe(true);
    expect(await db.getAll('touchpoints')).toMatchObject([
      { channel: 'linkedin-message', direction: 'outbound', summary: 'Asked about Q1 budget', url: PROFILE },
    ]);
    expect(card.view.value.touchpoints.map((t) => t.summary)).toEqual(['Asked about Q1 budget']);
    // Without a summary none is stored (no words in one language): the timeline names it by its channel.
    clock.now = new Date('2026-11-22T11:00:00.000Z');
    await card.quickLog(log('call'));
    expect(card.view.value.touchpoints.map((t) => [t.channel, t.summary])).toEqual([
      ['call', ''],
      ['linkedin-message', 'Asked about Q1 budget'],
    ]);
  });

  it('keeps the typed summary when logging fails, and shows why', async () => {
    const { card, send } = await setup();
    const failing = new LeadCardModel(
      (async (type, payload) => {
        if (type === 'touchpoint.log') throw new Error("Leadline's background is not reachable. Reload the page.");
        return send(type, payload);
      }) as Send,
      card.view.value,
      DEFAULT_SETTINGS,
    );
    failing.summary.value = 'Left a voicemail';
    expect(await failing.quickLog(log('call'))).toBe(false);
    expect(failing.summary.value).toBe('Left a voicemail');
    expect(textOf(failing.error.value)).toBe("Leadline's background is not reachable. Reload the page.");
    expect(failing.busy.value).toBe(false);
  });

  it('runs actions in the order made, none dropped while another saves', async () => {
    const { card, db } = await setup();
    const first = card.update({ dealValue: 5000 });
    const second = card.quickLog(log('message-sent'));
    expect(card.pending.value).toBe(2);
    expect(card.busy.value).toBe(true);
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(card.pending.value).toBe(0);
    expect(card.busy.value).toBe(false);
    const [lead] = await db.getAll('leads');
    expect(lead).toMatchObject({ dealValue: 5000 });
    expect(await db.count('touchpoints')).toBe(1);
  });

  it('moves to a funnel stage at once, and to Lost or Later only after the reason or date', async () => {
    const { card, repo, lead } = await setup();
    card.pickStage('proposal');
    await card.reload();
    expect(card.view.value.lead.stage).toBe('proposal');
    card.pickStage('lost');
    expect(card.stagePick.value).toBe('lost');
    expect(card.reengageOn.value).toBe(localDay(new Date(Date.now() + 30 * 86_400_000)));
    card.lostReason.value = ' No budget this year ';
    card.confirmStagePick();
    expect(card.stagePick.value).toBeNull();
    await card.reload();
    expect((await repo.leads.get(lead.id))!.lost).toMatchObject({ from: 'proposal', reason: 'No budget this year' });
    card.pickStage('later');
    card.reengageOn.value = '2027-03-01';
    card.confirmStagePick();
    await card.reload();
    expect((await repo.leads.get(lead.id))!.later).toEqual({ from: 'proposal', reengageOn: '2027-03-01' });
    card.confirmStagePick();
    expect(card.stagePick.value).toBeNull();
  });

  it('edits a touchpoint on the timeline, refusing a missing date, and deletes it', async () => {
    const { card, db } = await setup(true);
    await card.log(log('call'), 'First call', { at: '2026-11-20T09:30:00.000Z' });
    const [tp] = card.view.value.touchpoints;
    card.editTouchpoint(tp!);
    expect(card.touchpointDraft.value).toEqual({
      id: tp!.id,
      channel: 'call',
      direction: 'outbound',
      at: localInput('2026-11-20T09:30:00.000Z'),
      summary: 'First call',
      error: null,
    });
    card.changeTouchpoint({ at: '' });
    await card.saveTouchpoint();
    expect(textOf(card.touchpointDraft.value?.error)).toBe('Give a date and time.');
    card.changeTouchpoint({ at: '2026-11-21T14:00', summary: 'Call: wants a proposal', direction: 'inbound' });
    expect(card.touchpointDraft.value?.error).toBeNull();
    await card.saveTouchpoint();
    expect(card.touchpointDraft.value).toBeNull();
    expect(await db.getAll('touchpoints')).toMatchObject([
      { summary: 'Call: wants a proposal', direction: 'inbound', at: new Date('2026-11-21T14:00').toISOString() },
    ]);
    expect(await card.deleteTouchpoint(tp!.id)).toBe(true);
    expect(card.view.value.touchpoints).toEqual([]);
    card.editTouchpoint(null);
    expect(card.touchpointDraft.value).toBeNull();
    card.changeTouchpoint({ summary: 'nothing to change' });
    expect(card.touchpointDraft.value).toBeNull();
  });

  it('keeps every touchpoint on the pipeline page, and only the recent ones in a sidebar', async () => {
    const page = await setup(true);
    const side = new LeadCardModel(page.send, page.card.view.value, DEFAULT_SETTINGS, PROFILE);
    const minute = (i: number) => new Date(Date.UTC(2026, 10, 21, 9, i)).toISOString();
    for (let i = 0; i < 10; i++) await page.card.log(log('note'), `note ${i}`, { at: minute(i) });
    expect(page.card.view.value.touchpoints).toHaveLength(10);
    await side.log(log('note'), 'note 10', { at: minute(10) });
    expect(side.view.value.touchpoints).toHaveLength(8);
    expect(side.view.value.touchpoints[0]!.summary).toBe('note 10');
  });

  it('asks the background to open it on the pipeline page', async () => {
    const { card, calls } = await setup();
    await card.openInPipeline();
    expect(calls.at(-1)).toBe('pipeline.open');
    expect(card.error.value).toBeNull();
  });

  it('gives a local input time in the user’s time zone', () => {
    const at = new Date(2026, 10, 5, 7, 3);
    expect(localInput(at.toISOString())).toBe('2026-11-05T07:03');
  });
});
