/** Touchpoints: reading a lead's, logging (idempotent by external id), editing and deleting. */
import { touchpoint as touchpointSchema, type Lead, type Touchpoint } from '../pipeline/model';
import { engagementOf, withTemperature } from '../pipeline/temperature';
import type { TouchpointFields, TouchpointPatch } from '../messaging/protocol';
import { COMPOSE_ID_PREFIX, SENT_MATCH_MS, threadSubject } from '../pipeline/email-subject';
import type { Db } from './schema';
import { byLeadRange, NotFoundError, write, type Writer } from './tx';
import { plainLead } from './stored';

/**
 * The lead after its touchpoints changed: last contact and temperature recomputed from `base`
 * (default: the stored `before`), stored, and accounted as a change from `before`.
 */
export async function recomputeLead(w: Writer, before: Lead, base: Lead = before): Promise<Lead> {
  const all = await w.touchpointsOf(before.id);
  const touched = { ...base, lastTouchAt: engagementOf(all).lastContactAt, updatedAt: w.now.toISOString() };
  return w.putLead(before, withTemperature(touched, all, w.now, w.settings));
}

/**
 * An outbound email logged from the compose window (external id `compose:…`) that a message now
 * being logged is: the same draft id, or the same thread subject sent within minutes of it.
 */
async function sentAtCompose(w: Writer, fields: TouchpointFields): Promise<Touchpoint | undefined> {
  if (fields.channel !== 'email' || fields.direction !== 'outbound' || !fields.externalId || fields.externalId.startsWith(COMPOSE_ID_PREFIX)) return undefined;
  const exact = await w.touchpoints.index('byExternalId').get([fields.leadId, COMPOSE_ID_PREFIX + fields.externalId]);
  if (exact) return exact;
  if (!fields.at) return undefined;
  const at = Date.parse(fields.at);
  const range = IDBKeyRange.bound([fields.leadId, new Date(at - SENT_MATCH_MS).toISOString()], [fields.leadId, new Date(at + SENT_MATCH_MS).toISOString()]);
  const near = await w.touchpoints.index('byLead').getAll(range);
  const subject = threadSubject(fields.summary);
  return near
    .filter((t) => t.channel === 'email' && t.direction === 'outbound' && t.externalId?.startsWith(COMPOSE_ID_PREFIX) && threadSubject(t.summary) === subject)
    .sort((a, b) => Math.abs(Date.parse(a.at) - at) - Math.abs(Date.parse(b.at) - at))[0];
}

export class TouchpointRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The lead's touchpoints, newest first. */
  async of(leadId: string, limit = Infinity): Promise<Touchpoint[]> {
    const out: Touchpoint[] = [];
    let cursor = await this.db.transaction('touchpoints').store.index('byLead').openCursor(byLeadRange(leadId), 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** Logs a touchpoint; an external id already logged returns the stored one and writes nothing. */
  async log(fields: TouchpointFields): Promise<{ touchpoint: Touchpoint; created: boolean; lead: Lead }> {
    return write(this.db, this.now(), async (w) => {
      const before = await w.leads.get(fields.leadId);
      if (!before) throw new NotFoundError('lead_not_found', `No lead with id ${fields.leadId}.`, { id: fields.leadId });
      if (fields.externalId) {
        const logged = await w.touchpoints.index('byExternalId').get([fields.leadId, fields.externalId]);
        if (logged) return { touchpoint: logged, created: false, lead: before };
        const sent = await sentAtCompose(w, fields);
        if (sent) {
          // The email was logged as it was sent: the message found later is that touchpoint.
          const adopted = { ...sent, externalId: fields.externalId, at: fields.at ?? sent.at, url: fields.url ?? sent.url };
          await w.putTouchpoint(sent, adopted);
          return { touchpoint: adopted, created: false, lead: await recomputeLead(w, before) };
        }
      }
      const touchpoint = touchpointSchema.parse({
        id: crypto.randomUUID(),
        leadId: fields.leadId,
        channel: fields.channel,
        direction: fields.direction,
        at: fields.at ?? w.now.toISOString(),
        summary: fields.summary,
        url: fields.url ?? null,
        externalId: fields.externalId ?? null,
        createdAt: w.now.toISOString(),
      });
      await w.putTouchpoint(undefined, touchpoint);
      return { touchpoint, created: true, lead: await recomputeLead(w, before) };
    });
  }

  /**
   * Logs many touchpoints of one lead in one transaction (the messages of a conversation); an
   * external id already logged is skipped. The lead is recomputed once, when anything was added.
   */
  async logMany(leadId: string, items: Omit<TouchpointFields, 'leadId'>[]): Promise<{ created: number; lead: Lead }> {
    return write(this.db, this.now(), async (w) => {
      const before = await w.leads.get(leadId);
      if (!before) throw new NotFoundError('lead_not_found', `No lead with id ${leadId}.`, { id: leadId });
      let created = 0;
      const seen = new Set<string>();
      for (const fields of items) {
        if (fields.externalId) {
          if (seen.has(fields.externalId) || (await w.touchpoints.index('byExternalId').getKey([leadId, fields.externalId]))) continue;
          seen.add(fields.externalId);
        }
        await w.putTouchpoint(
          undefined,
          touchpointSchema.parse({
            id: crypto.randomUUID(),
            leadId,
            channel: fields.channel,
            direction: fields.direction,
            at: fields.at ?? w.now.toISOString(),
            summary: fields.summary,
            url: fields.url ?? null,
            externalId: fields.externalId ?? null,
            createdAt: w.now.toISOString(),
          }),
        );
        created++;
      }
      return { created, lead: created > 0 ? await recomputeLead(w, before) : plainLead(before) };
    });
  }

  /** Edits a touchpoint and recomputes its lead (last contact, temperature, aggregates). */
  async update(id: string, patch: TouchpointPatch): Promise<Lead> {
    return this.change(id, (tp) => touchpointSchema.parse({ ...tp, ...patch }));
  }

  async delete(id: string): Promise<Lead> {
    return this.change(id, () => null);
  }

  /** Changes or removes (change returns null) one touchpoint, then recomputes its lead. */
  private async change(id: string, change: (tp: Touchpoint) => Touchpoint | null): Promise<Lead> {
    return write(this.db, this.now(), async (w) => {
      const tp = await w.touchpoints.get(id);
      if (!tp) throw new NotFoundError('touchpoint_not_found', `No touchpoint with id ${id}.`, { id });
      const before = await w.leads.get(tp.leadId);
      if (!before) throw new NotFoundError('lead_not_found', `No lead with id ${tp.leadId}.`, { id: tp.leadId });
      const next = change(tp);
      if (next) await w.putTouchpoint(tp, { ...next, id, leadId: tp.leadId });
      else await w.deleteTouchpoint(tp);
      return recomputeLead(w, before);
    });
  }
}
