/**
 * Changes pulled from the team (lib/sync) into the local store, through the same transaction
 * helper as local writes: aggregates, insight records, temperatures and every index stay right.
 * These writes are `remote`, so the write hooks do not send them back to the team.
 */
import { LATER, LOST } from '../pipeline/constants';
import { lead as leadSchema, touchpoint as touchpointSchema, type Lead, type Touchpoint } from '../pipeline/model';
import { engagementOf, withTemperature } from '../pipeline/temperature';
import type { RemoteChange } from '../sync/layout';
import type { Db } from './schema';
import { plainLead } from './stored';
import { recomputeLead } from './touchpoints';
import { write, type Writer } from './tx';

export interface ApplyResult {
  /** Leads whose local record changed (for the change event). */
  leadIds: string[];
  /** Pulled records that could not be stored here, with why (reported, never thrown). */
  skipped: { id: string; why: string }[];
}

/** Applies one batch of pulled changes in one transaction: leads first, then their touchpoints. */
export async function applyRemote(db: Db, now: Date, changes: RemoteChange[]): Promise<ApplyResult> {
  const leadIds = new Set<string>();
  const skipped: ApplyResult['skipped'] = [];
  await write(
    db,
    now,
    async (w) => {
      for (const change of changes) if (change.type === 'lead') await applyLead(w, change, leadIds, skipped);
      const touched = new Set<string>();
      for (const change of changes) if (change.type === 'touchpoint') await applyTouchpoint(w, change, touched, skipped);
      for (const id of touched) {
        const before = await w.leads.get(id);
        if (!before) continue;
        await recomputeLead(w, before);
        leadIds.add(id);
      }
    },
    [],
    { remote: true },
  );
  return { leadIds: [...leadIds], skipped };
}

/** Another lead here already holds one of this lead's unique keys (the same person captured on two machines). */
async function takenBy(w: Writer, lead: Lead): Promise<Lead | undefined> {
  for (const [index, key] of [
    ['byLinkedinUrl', lead.linkedinUrl],
    ['byMemberId', lead.linkedinMemberId],
    ['bySalesNav', lead.salesNavUrl],
  ] as const) {
    const holder = key ? await w.leads.index(index).get(key) : undefined;
    if (holder && holder.id !== lead.id) return holder;
  }
  for (const email of lead.emails) {
    const byEmail = await w.leads.index('byEmail').get(email);
    if (byEmail && byEmail.id !== lead.id) return byEmail;
  }
  return undefined;
}

async function applyLead(w: Writer, change: Extract<RemoteChange, { type: 'lead' }>, leadIds: Set<string>, skipped: ApplyResult['skipped']) {
  const stored = await w.leads.get(change.id);
  const before = stored ? plainLead(stored) : undefined;
  if (change.deleted) {
    if (!before) return;
    for (const tp of await w.touchpointsOf(change.id)) await w.touchpoints.delete(tp.id);
    await w.deleteLead(before);
    leadIds.add(change.id);
    return;
  }
  const touchpoints = await w.touchpointsOf(change.id);
  const parsed = leadSchema.safeParse({
    ...change.lead,
    // The company link is this browser's (companies are not replicated): kept, and redone by
    // name in putLead when the pulled company name differs.
    companyId: before?.companyId ?? null,
    temperature: null,
    temperatureReasons: [],
    lastTouchAt: engagementOf(touchpoints).lastContactAt,
    updatedAt: change.updatedAt || w.now.toISOString(),
  });
  if (!parsed.success) {
    skipped.push({ id: change.id, why: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    return;
  }
  // A stage this browser does not have (the team's stages differ): the lead waits at the first stage.
  const stages = w.settings.stages;
  const known = parsed.data.stage === LOST || parsed.data.stage === LATER || stages.some((s) => s.id === parsed.data.stage);
  const lead = known ? parsed.data : { ...parsed.data, stage: stages[0]!.id };
  const clash = await takenBy(w, lead);
  if (clash) {
    skipped.push({ id: change.id, why: `same LinkedIn profile, Sales Navigator page or email as lead ${clash.id}` });
    return;
  }
  await w.putLead(before, withTemperature(lead, touchpoints, w.now, w.settings));
  leadIds.add(change.id);
}

async function applyTouchpoint(w: Writer, change: Extract<RemoteChange, { type: 'touchpoint' }>, touched: Set<string>, skipped: ApplyResult['skipped']) {
  const stored = await w.touchpoints.get(change.id);
  if (change.deleted) {
    if (!stored) return;
    await w.touchpoints.delete(stored.id);
    touched.add(stored.leadId);
    return;
  }
  const parsed = touchpointSchema.safeParse(change.touchpoint);
  if (!parsed.success) {
    skipped.push({ id: change.id, why: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    return;
  }
  const tp: Touchpoint = parsed.data;
  // The same email logged for the same lead on two machines: the one here stays, once.
  if (tp.externalId) {
    const logged = await w.touchpoints.index('byExternalId').get([tp.leadId, tp.externalId]);
    if (logged && logged.id !== tp.id) {
      skipped.push({ id: change.id, why: `email already logged here as ${logged.id}` });
      return;
    }
  }
  // Stored even when its lead has not arrived yet: the lead, when it comes, counts it.
  await w.touchpoints.put(tp);
  touched.add(tp.leadId);
  if (stored && stored.leadId !== tp.leadId) touched.add(stored.leadId);
}
