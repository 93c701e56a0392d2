import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers/db';
import { createHandlers } from '../../lib/background/service';
import { createDispatcher } from '../../lib/messaging/server';
import { makeLead } from './helpers/leads';
import { exportBackup, parseBackup, restoreBackup } from '../../lib/db/backup';
import { liveInsightsHead, readInsights } from '../../lib/db/insights-records';
import { AGGREGATES_VERSION, rebuild, rebuildWithInsights } from '../../lib/pipeline/aggregates';
import { sameInsightInputs } from '../../lib/pipeline/insight-slices';
import { insights, trackedTags, type InsightsOptions } from '../../lib/pipeline/insights';
import { moveLead } from '../../lib/pipeline/stages';
import type { Db } from '../../lib/db/schema';
import { DEFAULT_SETTINGS, readSettings } from '../../lib/settings/settings';

const STAGES = DEFAULT_SETTINGS.stages;
const TODAY = '2027-01-20';

/** What insights() gives when computed from a rebuild over every stored lead. */
async function fromRebuild(db: Db, options: Partial<InsightsOptions> = {}) {
  const { stages } = readSettings(await db.get('meta', 'settings'));
  const all = rebuildWithInsights(await db.getAll('leads'), stages);
  return { insights: insights(all, stages, { period: 'all', today: TODAY, ...options }), tags: trackedTags(all) };
}

/** Every insight record as stored, joined back together. */
async function storedSlices(db: Db) {
  const tx = db.transaction('meta');
  const head = liveInsightsHead(await tx.store.get('insights'));
  return head ? readInsights(tx.store, head, null) : null;
}

const monthKeys = async (db: Db) => (await db.getAllKeys('meta')).filter((k) => k.startsWith('insights.month.'));

describe('insight records: kept beside the popup aggregates, patched by every write', () => {
  it('stay equal to a rebuild through captures, moves, losses, wins, tags, touchpoints, deletes, undo, merges and imports', async () => {
    const { repo, db, clock } = await freshRepo('2026-10-01T09:00:00.000Z');
    await repo.aggregates.get(); // materialise them, so writes patch them
    const ada = (await repo.leads.capture({ name: 'Ada Lovelace', linkedinUrl: 'https://www.linkedin.com/in/ada/', source: 'linkedin' })).lead;
    const bob = (await repo.leads.capture({ name: 'Bob Stone', emails: ['bob@example.com'], source: 'gmail' })).lead;
    clock.now = new Date('2026-11-03T09:00:00.000Z');
    const cy = (await repo.leads.capture({ name: 'Cy Young', emails: ['cy@example.com'], source: 'referral' })).lead;
    await repo.leads.move(ada.id, { to: 'qualified' });
    await repo.leads.update(ada.id, { dealValue: 12_000, tags: ['enterprise'] });
    clock.now = new Date('2026-11-13T09:00:00.000Z');
    await repo.leads.move(ada.id, { to: 'won' });
    await repo.leads.move(bob.id, { to: 'lost', reason: 'No budget' });
    await repo.touchpoints.log({ leadId: cy.id, channel: 'call', direction: 'outbound', summary: 'intro' });
    await repo.leads.update(cy.id, { dealValue: 4_000, tags: ['q4'] });
    await repo.leads.update(cy.id, { dealValue: 4_500 });
    expect(await storedSlices(db)).toEqual(rebuildWithInsights(await db.getAll('leads'), STAGES).insights);
    const dupe = (await repo.leads.capture({ name: 'Cy Young', emails: ['cy.young@example.com'], source: 'event' })).lead;
    await repo.merges.merge(cy.id, dupe.id);
    await repo.importRows([
      { line: 2, name: 'Dee Dee', emails: ['dee@example.com'], source: 'import', stage: 'proposal', dealValue: 2_500, tags: ['q4'] },
      { line: 3, name: 'Bob Stone', emails: ['bob@example.com'], source: 'import', tags: ['vip'] },
    ]);
    const { batchId } = await repo.trash.delete([bob.id]);
    expect((await repo.aggregates.insights({ period: 'all', today: TODAY })).insights).toEqual((await fromRebuild(db)).insights);
    await repo.trash.undelete(batchId);

    const got = await repo.aggregates.insights({ period: 'all', today: TODAY });
    const want = await fromRebuild(db);
    expect(got).toEqual(want);
    expect(await repo.aggregates.insights({ period: 'month', today: '2026-11-20', tag: 'q4' })).toEqual(
      await fromRebuild(db, { period: 'month', today: '2026-11-20', tag: 'q4' }),
    );
    expect(await storedSlices(db)).toEqual(rebuildWithInsights(await db.getAll('leads'), STAGES).insights);
    // The figures a user reads: Ada won after 10 days in qualified; Bob lost at prospect for "no budget".
    if (got.insights.status !== 'ready') throw new Error(got.insights.status);
    expect(got.insights.outcomes.won).toBe(1);
    expect(got.insights.funnel[0]!.lostReasons).toEqual([{ reason: 'no budget', count: 1 }]);
    expect(got.insights.funnel[1]!.medianDays.value).toBe(10);
    expect(got.tags).toEqual([
      { tag: 'q4', leads: 2 },
      { tag: 'enterprise', leads: 1 },
      { tag: 'vip', leads: 1 },
    ]);
  });

  it('keeps them out of the popup record, and one record per creation month that has leads', async () => {
    const { repo, db, clock } = await freshRepo('2026-10-05T09:00:00.000Z');
    await repo.aggregates.get();
    const october = (await repo.leads.capture({ name: 'Ada Lovelace', source: 'linkedin' })).lead;
    clock.now = new Date('2026-11-05T09:00:00.000Z');
    await repo.leads.capture({ name: 'Bob Stone', source: 'gmail' });
    const popup = await repo.aggregates.get();
    expect(popup).not.toHaveProperty('insights');
    expect(await db.get('meta', 'aggregates')).not.toHaveProperty('insights');
    expect(popup).toEqual(rebuild(await db.getAll('leads'), STAGES));
    expect(await monthKeys(db)).toEqual(['insights.month.2026-10', 'insights.month.2026-11']);
    await repo.trash.delete([october.id]);
    expect(await monthKeys(db)).toEqual(['insights.month.2026-11']);
  });

  it('rebuilds both when the insight records are missing or the popup record is from before the split (the repair path)', async () => {
    const { repo, db } = await freshRepo('2026-11-05T09:00:00.000Z');
    await repo.aggregates.get();
    const { lead } = await repo.leads.capture({ name: 'Ada Lovelace', source: 'linkedin' });
    await repo.leads.move(lead.id, { to: 'lost', reason: 'Timing' });
    const want = await fromRebuild(db);
    await db.delete('meta', 'insights');
    // Writes while the head is missing leave the records alone; the next read rebuilds them.
    await repo.leads.capture({ name: 'Bob Stone', source: 'gmail' });
    expect(await repo.aggregates.insights({ period: 'all', today: TODAY })).toEqual(await fromRebuild(db));
    expect((await fromRebuild(db)).insights).not.toEqual(want.insights);
    // A version 3 record held the slices inside, and came without a journal (aggregates-journal.ts):
    // it is replaced by a current one without them.
    const all = rebuildWithInsights(await db.getAll('leads'), STAGES);
    await db.put('meta', { ...all, version: 3 } as never);
    await db.delete('meta', 'aggregates.head');
    expect((await repo.aggregates.get()).version).toBe(AGGREGATES_VERSION);
    expect(await db.get('meta', 'aggregates')).not.toHaveProperty('insights');
    expect(await repo.aggregates.insights({ period: 'all', today: TODAY })).toEqual(await fromRebuild(db));
  });

  it('follows renamed stages after a settings save, and a restored backup replaces every record', async () => {
    const { repo, db, clock } = await freshRepo('2026-09-05T09:00:00.000Z');
    await repo.aggregates.get();
    const { lead } = await repo.leads.capture({ name: 'Ada Lovelace', source: 'linkedin' });
    await repo.leads.move(lead.id, { to: 'qualified' });
    const renamed = STAGES.map((s) => (s.id === 'nurturing' ? { ...s, id: 'nurture', name: 'Nurture' } : s));
    await repo.settings.save({ ...DEFAULT_SETTINGS, stages: renamed });
    const after = await repo.aggregates.insights({ period: 'all', today: TODAY });
    if (after.insights.status !== 'ready') throw new Error(after.insights.status);
    expect(after.insights.funnel.map((s) => s.stage)).toContain('nurture');
    expect(after.insights.funnel.map((s) => s.reached)).toEqual([1, 1, 0, 0, 0, 0, 0]);

    const other = await freshRepo('2026-11-05T09:00:00.000Z');
    await other.repo.aggregates.get();
    await other.repo.leads.capture({ name: 'Someone Else', source: 'manual' });
    clock.now = new Date('2026-12-01T09:00:00.000Z');
    await restoreBackup(other.db, parseBackup((await exportBackup(db)).parts.join('')));
    expect(await monthKeys(other.db)).toEqual(['insights.month.2026-09']);
    expect(await other.repo.aggregates.insights({ period: 'all', today: TODAY })).toEqual(after);
  });
});

describe('which writes touch the insight records', () => {
  const lead = makeLead({ dealValue: 1_000, tags: ['vip'] });
  const at = new Date('2026-11-02T09:00:00.000Z');

  it('skips changes the slices do not read: contact, temperature, notes, follow-ups', () => {
    const touched = {
      ...lead,
      lastTouchAt: at.toISOString(),
      temperature: 'hot' as const,
      notes: 'called',
      nextFollowUpOn: '2026-11-30',
      updatedAt: at.toISOString(),
    };
    // A copy with equal arrays (zod parses a stored lead into new arrays) is still the same.
    const reparsed = { ...touched, reached: [...touched.reached], tags: [...touched.tags], stageHistory: touched.stageHistory.map((h) => ({ ...h })) };
    expect(sameInsightInputs(lead, reparsed)).toBe(true);
  });

  it('applies captures, deletes, moves, losses, values, tags and sources', () => {
    expect(sameInsightInputs(undefined, lead)).toBe(false);
    expect(sameInsightInputs(lead, undefined)).toBe(false);
    expect(sameInsightInputs(lead, moveLead(lead, { to: 'qualified' }, at, STAGES))).toBe(false);
    const lost = moveLead(lead, { to: 'lost', reason: 'Timing' }, at, STAGES);
    expect(sameInsightInputs(lost, { ...lost, lost: { ...lost.lost!, reason: 'No budget' } })).toBe(false);
    expect(sameInsightInputs(lead, { ...lead, dealValue: 2_000 })).toBe(false);
    expect(sameInsightInputs(lead, { ...lead, tags: ['vip', 'q4'] })).toBe(false);
    expect(sameInsightInputs(lead, { ...lead, source: 'gmail' })).toBe(false);
  });
});

describe('insights.get', () => {
  const EXT = 'abcdefghijklmnopabcdefghijklmnop';
  const PAGE = { id: EXT, url: `chrome-extension://${EXT}/pipeline.html` };
  const LINKEDIN_TAB = { id: EXT, url: 'https://www.linkedin.com/in/ada/', tab: { url: 'https://www.linkedin.com/in/ada/' } };
  const ask = (payload: unknown) => ({ leadline: 'request', type: 'insights.get', payload });

  async function dispatcher() {
    const { repo } = await freshRepo('2026-11-05T09:00:00.000Z');
    await repo.leads.capture({ name: 'Ada Lovelace', source: 'linkedin' });
    return createDispatcher(
      createHandlers(repo, () => {}),
      {
        extensionId: EXT,
        extensionOrigin: `chrome-extension://${EXT}/`,
        isHostPage: (url) => url.startsWith('https://www.linkedin.com/'),
      },
    );
  }

  it("answers Leadline's own pages with the figures, and no content script", async () => {
    const dispatch = await dispatcher();
    const reply = await dispatch(ask({ period: { from: '2026-10', to: '2026-11' }, today: '2026-11-20' }), PAGE);
    expect(reply.ok && (reply.value as { insights: { leads: number } }).insights.leads).toBe(1);
    expect(await dispatch(ask({ period: 'all', today: '2026-11-20' }), LINKEDIN_TAB)).toEqual({
      ok: false,
      error: "insights.get may only be sent from Leadline's own pages.",
      code: 'pages_only',
      params: { type: 'insights.get' },
    });
  });

  it.each([
    ['a source and a tag together', { period: 'all', today: '2026-11-20', source: 'gmail', tag: 'q4' }, /tag: filter by a source or by a tag, not both/],
    ['a range that ends before it starts', { period: { from: '2026-11', to: '2026-10' }, today: '2026-11-20' }, /the range must start before it ends/],
    ['a month that is not one', { period: { from: '2026-13', to: '2026-13' }, today: '2026-11-20' }, /not a month/],
    ['an unknown period', { period: 'decade', today: '2026-11-20' }, /period/],
  ])('refuses %s with a readable error', async (_, payload, message) => {
    const reply = await (await dispatcher())(ask(payload), PAGE);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(message);
  });
});
